# language: vi
Tính năng: Chế độ làm việc và nơi làm việc
  Chế độ Thủ trưởng, kiêm nhiệm, chuyên trách, và trụ sở làm việc.
  Head's-authority regime, part-time members, full-time staff, and the place of work.

  Bối cảnh:
    Biết mô hình tổ chức của Quy chế đã được nạp

  @para_8__sent_2
  Khung kịch bản: Tổ công tác và các nhóm công tác làm việc theo chế độ Thủ trưởng
    Câu nguồn: “Theo đó, Tổ công tác, nhóm công tác làm việc theo chế độ Thủ trưởng và phát huy cao nhất khả năng của các thành viên, chuyên gia, cán bộ giúp việc.”
    In English: the Working Group and each working group work under the head's-authority regime.

    Khi hỏi câu "units"
    Thì "<đơn vị>" làm việc theo chế độ "Chế độ Thủ trưởng"

    Dữ liệu:
      | đơn vị                                                              |
      | Tổ công tác giúp việc Chủ tịch Ủy ban Quốc gia về Chính phủ điện tử |
      | Nhóm Nguồn lực và bảo đảm thực thi                                  |
      | Nhóm Thể chế và cải cách hành chính                                 |
      | Nhóm Giải pháp công nghệ và an toàn, an ninh thông tin              |
      | Nhóm Truyền thông                                                   |

  @para_8__sent_2
  Kịch bản: Phát huy cao nhất khả năng của các thành viên, chuyên gia, cán bộ giúp việc
    Câu nguồn: “Theo đó, Tổ công tác, nhóm công tác làm việc theo chế độ Thủ trưởng và phát huy cao nhất khả năng của các thành viên, chuyên gia, cán bộ giúp việc.”
    In English: making the most of members', experts' and staff's abilities is a working principle of the WG.

    Khi hỏi câu "principles"
    Thì "Tổ công tác giúp việc Chủ tịch Ủy ban Quốc gia về Chính phủ điện tử" làm việc theo nguyên tắc "Phát huy cao nhất khả năng của các thành viên, chuyên gia, cán bộ giúp việc"
    Và "Nhóm Truyền thông" làm việc theo nguyên tắc "Phát huy cao nhất khả năng của các thành viên, chuyên gia, cán bộ giúp việc"

  @para_8__sent_3
  Kịch bản: Thành viên Tổ công tác làm việc kiêm nhiệm
    Câu nguồn: “Các thành viên Tổ công tác làm việc theo chế độ kiêm nhiệm.”
    In English: the Working Group's members work part-time, alongside their own jobs.

    Khi xem thông tin về "Thành viên Tổ công tác"
    Thì chế độ làm việc là "Kiêm nhiệm"

  @para_8__sent_4
  Kịch bản: Cán bộ giúp việc, chuyên gia của bộ phận giúp việc làm việc chuyên trách
    Câu nguồn: “Một số cán bộ giúp việc, chuyên gia làm việc theo chế độ chuyên trách tại Tổ công tác.”
    In English: some support staff and experts — those of the support unit — work full-time for the Working Group.

    Khi hỏi câu "units"
    Thì "Bộ phận giúp việc của Tổ công tác" làm việc theo chế độ "Chuyên trách"

  @para_8__sent_5
  Kịch bản: Tổ công tác làm việc tại trụ sở VPCP
    Câu nguồn: “Tổ công tác làm việc tại trụ sở VPCP.”
    In English: the Working Group works at the Government Office's headquarters.

    Khi xem thông tin về "Tổ công tác"
    Thì đơn vị này làm việc tại "Trụ sở Văn phòng Chính phủ"

  @para_8__sent_2 @para_8__sent_3 @para_8__sent_5
  Kịch bản: Kiểm tra tuân thủ không thấy vi phạm nào về chế độ và nơi làm việc
    Câu nguồn: “Theo đó, Tổ công tác, nhóm công tác làm việc theo chế độ Thủ trưởng và phát huy cao nhất khả năng của các thành viên, chuyên gia, cán bộ giúp việc.”
    Câu nguồn: “Các thành viên Tổ công tác làm việc theo chế độ kiêm nhiệm.”
    Câu nguồn: “Tổ công tác làm việc tại trụ sở VPCP.”
    In English: `orgkg check` finds no violation of the working regimes or the place of work.

    Khi kiểm tra tuân thủ
    Thì không có vi phạm nào về các câu này
