# language: vi
Tính năng: Cơ cấu tổ chức của Tổ công tác
  Tổ trưởng, hai Tổ phó, các thành viên, bốn nhóm công tác, nhóm chuyên gia và
  bộ phận giúp việc, đúng tên và đúng số lượng như Quy chế.
  The head, two deputies, members, four working groups, the expert group and
  the support unit, with the names and numbers the Regulation gives.

  Bối cảnh:
    Biết mô hình tổ chức của Quy chế đã được nạp

  @para_5__sent_1
  Kịch bản: Tổ công tác có đúng một Tổ trưởng, hai Tổ phó và các thành viên
    Câu nguồn: “Cũng theo Quy chế, cơ cấu tổ chức của Tổ công tác gồm Tổ trưởng, 2 Tổ phó và các thành viên.”
    In English: the Working Group has exactly one head, two deputy heads, and members.

    Khi hỏi câu "posts"
    Thì "Tổ công tác giúp việc Chủ tịch Ủy ban Quốc gia về Chính phủ điện tử" có đúng 1 chức vụ vai trò "Người đứng đầu"
    Và "Tổ công tác giúp việc Chủ tịch Ủy ban Quốc gia về Chính phủ điện tử" có đúng 2 chức vụ vai trò "Cấp phó"
    Và "Tổ công tác giúp việc Chủ tịch Ủy ban Quốc gia về Chính phủ điện tử" có đúng 1 chức vụ vai trò "Thành viên"

  @para_5__sent_1
  Kịch bản: Kiểm tra tuân thủ không thấy vi phạm nào về số Tổ trưởng, Tổ phó
    Câu nguồn: “Cũng theo Quy chế, cơ cấu tổ chức của Tổ công tác gồm Tổ trưởng, 2 Tổ phó và các thành viên.”
    In English: `orgkg check` finds no violation of the one-head, two-deputies rule.

    Khi kiểm tra tuân thủ
    Thì không có vi phạm nào về các câu này

  @para_5__sent_2
  Khung kịch bản: Bốn nhóm công tác với tên đúng như Quy chế
    Câu nguồn: “Tổ công tác có 4 nhóm công tác là: Nhóm Nguồn lực và bảo đảm thực thi; Nhóm Thể chế và cải cách hành chính; Nhóm Giải pháp công nghệ và an toàn, an ninh thông tin; Nhóm Truyền thông.”
    In English: each of the four working groups exists under its exact name, inside the Working Group.

    Khi hỏi câu "units"
    Thì "<nhóm>" thuộc "Tổ công tác giúp việc Chủ tịch Ủy ban Quốc gia về Chính phủ điện tử"

    Dữ liệu:
      | nhóm                                                   |
      | Nhóm Nguồn lực và bảo đảm thực thi                     |
      | Nhóm Thể chế và cải cách hành chính                    |
      | Nhóm Giải pháp công nghệ và an toàn, an ninh thông tin |
      | Nhóm Truyền thông                                      |

  @para_5__sent_2
  Kịch bản: Đúng bốn nhóm công tác, không hơn không kém
    Câu nguồn: “Tổ công tác có 4 nhóm công tác là: Nhóm Nguồn lực và bảo đảm thực thi; Nhóm Thể chế và cải cách hành chính; Nhóm Giải pháp công nghệ và an toàn, an ninh thông tin; Nhóm Truyền thông.”
    In English: the model has exactly four working groups (counted), and `orgkg check` enforces "exactly four" without finding a violation.

    Khi hỏi câu "units"
    Thì "Tổ công tác giúp việc Chủ tịch Ủy ban Quốc gia về Chính phủ điện tử" có đúng 4 đơn vị loại "Nhóm công tác"
    Khi kiểm tra tuân thủ
    Thì không có vi phạm nào về các câu này

  @para_7__sent_1
  Kịch bản: Tổ công tác có nhóm chuyên gia
    Câu nguồn: “Bên cạnh đó, Tổ công tác có nhóm chuyên gia.”
    In English: the Working Group has an expert group.

    Khi hỏi câu "units"
    Thì "Nhóm chuyên gia của Tổ công tác" thuộc "Tổ công tác giúp việc Chủ tịch Ủy ban Quốc gia về Chính phủ điện tử"

  @para_7__sent_2
  Khung kịch bản: Các nhóm công tác được huy động chuyên gia
    Câu nguồn: “Các nhóm công tác được huy động các chuyên gia này tham gia phản biện, cho ý kiến và theo yêu công việc.”
    In English: each working group may call on the expert group for critical review and opinions, as the work requires.

    Khi hỏi câu "duties"
    Thì "<nhóm>" có quyền "Huy động" đối với "Nhóm chuyên gia của Tổ công tác"

    Dữ liệu:
      | nhóm                                                   |
      | Nhóm Nguồn lực và bảo đảm thực thi                     |
      | Nhóm Thể chế và cải cách hành chính                    |
      | Nhóm Giải pháp công nghệ và an toàn, an ninh thông tin |
      | Nhóm Truyền thông                                      |

  @para_7__sent_3
  Kịch bản: Tổ công tác có bộ phận giúp việc làm việc chuyên trách tại VPCP
    Câu nguồn: “Tổ công tác có bộ phận giúp việc làm việc theo chế độ chuyên trách tại VPCP gồm một số cán bộ được trung tập từ VPCP, biệt phái từ Bộ TT&TT, Ban Cơ yếu Chính phủ, chuyên gia từ một số doanh nghiệp, tổ chức trong nước và quốc tế.”
    In English: the Working Group has a support unit that works full-time at the Government Office.

    Khi hỏi câu "units"
    Thì "Bộ phận giúp việc của Tổ công tác" thuộc "Tổ công tác giúp việc Chủ tịch Ủy ban Quốc gia về Chính phủ điện tử"
    Và "Bộ phận giúp việc của Tổ công tác" làm việc theo chế độ "Chuyên trách"

  @para_7__sent_1 @para_7__sent_3
  Kịch bản: Kiểm tra tuân thủ không thấy vi phạm nào về nhóm chuyên gia và bộ phận giúp việc
    Câu nguồn: “Bên cạnh đó, Tổ công tác có nhóm chuyên gia.”
    Câu nguồn: “Tổ công tác có bộ phận giúp việc làm việc theo chế độ chuyên trách tại VPCP gồm một số cán bộ được trung tập từ VPCP, biệt phái từ Bộ TT&TT, Ban Cơ yếu Chính phủ, chuyên gia từ một số doanh nghiệp, tổ chức trong nước và quốc tế.”
    In English: `orgkg check` enforces one expert group and one full-time support unit, and finds no violation.

    Khi kiểm tra tuân thủ
    Thì không có vi phạm nào về các câu này

  @para_1__sent_1
  Kịch bản: Kiểm tra tuân thủ không thấy vi phạm nào về việc Tổ công tác giúp việc Chủ tịch Ủy ban
    Câu nguồn: “Ngày 18/10/2018, Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ Mai Tiến Dũng đã ký quyết định 426 ban hành Quy chế tổ chức và hoạt động của Tổ công tác giúp việc Chủ tịch Ủy ban Quốc gia (UBQG) về Chính phủ điện tử.”
    In English: `orgkg check` enforces that the Working Group assists the Chairman of the National Committee, and finds no violation.

    Khi kiểm tra tuân thủ
    Thì không có vi phạm nào về các câu này
