# language: vi
Tính năng: Bộ phận thường trực của Tổ công tác
  Thành phần, nhiệm vụ cho ý kiến và quyền thuê tư vấn độc lập của bộ phận thường trực.
  The standing unit: who sits in it, its duty to give opinions, and its power to hire consultants.

  Bối cảnh:
    Biết mô hình tổ chức của Quy chế đã được nạp

  @para_6__sent_1
  Khung kịch bản: Lãnh đạo Tổ công tác và Trưởng các nhóm tham gia bộ phận thường trực
    Câu nguồn: “Bộ phận thường trực của Tổ công tác gồm lãnh đạo Tổ công tác, Trưởng các nhóm và một số chuyên gia do Tổ trưởng Tổ công tác quyết định theo yêu cầu công việc cho ý kiến đối với những nội dung đề xuất của Tổ công tác (trường hợp cần thiết có thể thuê tư vấn độc lập) trước khi báo cáo Ủy ban, Chủ tịch Ủy ban.”
    In English: the standing unit is made of the WG's leadership and the heads of the groups (besides some experts).

    Khi hỏi câu "unit-members" với unit là "Bộ phận thường trực"
    Thì "<chức vụ>" là thành viên

    Dữ liệu:
      | chức vụ                                                                               |
      | Tổ trưởng Tổ công tác                                                                 |
      | Tổ phó Tổ công tác (Cục trưởng Cục Kiểm soát thủ tục hành chính, Văn phòng Chính phủ) |
      | Tổ phó Tổ công tác (Bộ trưởng Bộ Thông tin và Truyền thông)                           |
      | Trưởng Nhóm Nguồn lực và bảo đảm thực thi                                             |
      | Trưởng Nhóm Thể chế và cải cách hành chính                                            |
      | Trưởng Nhóm Giải pháp công nghệ và an toàn, an ninh thông tin                         |
      | Trưởng Nhóm Truyền thông                                                              |

  @para_6__sent_1
  Kịch bản: Tổ trưởng chọn các chuyên gia của bộ phận thường trực
    Câu nguồn: “Bộ phận thường trực của Tổ công tác gồm lãnh đạo Tổ công tác, Trưởng các nhóm và một số chuyên gia do Tổ trưởng Tổ công tác quyết định theo yêu cầu công việc cho ý kiến đối với những nội dung đề xuất của Tổ công tác (trường hợp cần thiết có thể thuê tư vấn độc lập) trước khi báo cáo Ủy ban, Chủ tịch Ủy ban.”
    In English: the standing unit also has experts, whom the head of the Working Group chooses as the work requires.

    Khi hỏi câu "unit-members" với unit là "Bộ phận thường trực của Tổ công tác"
    Thì "Chuyên gia của Bộ phận thường trực" là thành viên
    Khi hỏi câu "duties"
    Thì "Tổ trưởng Tổ công tác" có quyền "Quyết định" đối với "Chuyên gia của Bộ phận thường trực"

  @para_6__sent_1
  Kịch bản: Bộ phận thường trực cho ý kiến trước khi báo cáo Ủy ban và được thuê tư vấn độc lập
    Câu nguồn: “Bộ phận thường trực của Tổ công tác gồm lãnh đạo Tổ công tác, Trưởng các nhóm và một số chuyên gia do Tổ trưởng Tổ công tác quyết định theo yêu cầu công việc cho ý kiến đối với những nội dung đề xuất của Tổ công tác (trường hợp cần thiết có thể thuê tư vấn độc lập) trước khi báo cáo Ủy ban, Chủ tịch Ủy ban.”
    In English: the standing unit must give its opinion on the WG's proposals before they go to the Committee, and may hire independent consultants.

    Khi hỏi câu "duties"
    Thì "Bộ phận thường trực của Tổ công tác" có nghĩa vụ "Cho ý kiến" đối với "Nội dung đề xuất của Tổ công tác"
    Và "Bộ phận thường trực của Tổ công tác" có quyền "Thuê" đối với "Tư vấn độc lập"

  @para_6__sent_1
  Kịch bản: Kiểm tra tuân thủ không thấy vi phạm nào về bộ phận thường trực
    Câu nguồn: “Bộ phận thường trực của Tổ công tác gồm lãnh đạo Tổ công tác, Trưởng các nhóm và một số chuyên gia do Tổ trưởng Tổ công tác quyết định theo yêu cầu công việc cho ý kiến đối với những nội dung đề xuất của Tổ công tác (trường hợp cần thiết có thể thuê tư vấn độc lập) trước khi báo cáo Ủy ban, Chủ tịch Ủy ban.”
    In English: `orgkg check` finds no violation of the standing unit's composition and duty.

    Khi kiểm tra tuân thủ
    Thì không có vi phạm nào về các câu này
