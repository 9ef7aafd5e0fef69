# language: vi
Tính năng: Phạm vi điều chỉnh và đối tượng áp dụng của Quy chế
  Quy chế điều chỉnh những gì, về ai, và áp dụng với ai.
  What the Regulation governs, about whom, and whom it applies to.

  Bối cảnh:
    Biết mô hình tổ chức của Quy chế đã được nạp

  @para_2__sent_1
  Kịch bản: Tìm tên gọi tắt "Tổ công tác", không cần gõ dấu
    Câu nguồn: “Quy chế tổ chức và hoạt động của Tổ công tác giúp việc Chủ tịch UBQG về Chính phủ điện tử quy định về nguyên tắc, cơ cấu tổ chức, nhiệm vụ, quyền hạn, chế độ công việc, quan hệ công tác, điều kiện làm việc, chế độ, chính sách và phương thức hoạt động của Tổ công tác giúp việc Chủ tịch UBQG về Chính phủ điện tử (gọi tắt là Tổ công tác).”
    In English: the Working Group is called "Tổ công tác" for short; searching without diacritics finds it first.

    Khi tìm "to cong tac"
    Thì kết quả đầu tiên là "Tổ công tác giúp việc Chủ tịch Ủy ban Quốc gia về Chính phủ điện tử"

  @para_2__sent_1
  Kịch bản: Tổ công tác giúp việc Chủ tịch Ủy ban Quốc gia về Chính phủ điện tử
    Câu nguồn: “Quy chế tổ chức và hoạt động của Tổ công tác giúp việc Chủ tịch UBQG về Chính phủ điện tử quy định về nguyên tắc, cơ cấu tổ chức, nhiệm vụ, quyền hạn, chế độ công việc, quan hệ công tác, điều kiện làm việc, chế độ, chính sách và phương thức hoạt động của Tổ công tác giúp việc Chủ tịch UBQG về Chính phủ điện tử (gọi tắt là Tổ công tác).”
    In English: the Working Group assists the Chairman of the National Committee on E-Government.

    Khi xem thông tin về "Tổ công tác"
    Thì đơn vị này giúp việc "Chủ tịch Ủy ban Quốc gia về Chính phủ điện tử"

  @para_2__sent_1
  Khung kịch bản: Quy chế quy định về nguyên tắc, cơ cấu tổ chức, nhiệm vụ, quyền hạn ...
    Câu nguồn: “Quy chế tổ chức và hoạt động của Tổ công tác giúp việc Chủ tịch UBQG về Chính phủ điện tử quy định về nguyên tắc, cơ cấu tổ chức, nhiệm vụ, quyền hạn, chế độ công việc, quan hệ công tác, điều kiện làm việc, chế độ, chính sách và phương thức hoạt động của Tổ công tác giúp việc Chủ tịch UBQG về Chính phủ điện tử (gọi tắt là Tổ công tác).”
    In English: the Regulation covers principles, structure, tasks, powers, working regime, working relations, working conditions, entitlements and operating methods.

    Khi xem thông tin về "Quy chế"
    Thì văn bản quy định về "<nội dung>"

    Dữ liệu:
      | nội dung              |
      | Nguyên tắc            |
      | Cơ cấu tổ chức        |
      | Nhiệm vụ              |
      | Quyền hạn             |
      | Chế độ làm việc       |
      | Quan hệ công tác      |
      | Điều kiện làm việc    |
      | Chế độ, chính sách    |
      | Phương thức hoạt động |

  @para_8__sent_1
  Khung kịch bản: Quy chế quy định chi tiết chức năng, nhiệm vụ của các nhóm và chế độ làm việc
    Câu nguồn: “Cùng với việc quy định chi tiết chức năng, nhiệm vụ của các nhóm thuộc Tổ công tác, Quy chế cũng quy định cụ thể về chế độ làm việc của Tổ công tác.”
    In English: the Regulation details the groups' functions and tasks, and the Working Group's working regime.

    Khi xem thông tin về "Quy chế"
    Thì văn bản quy định về "<nội dung>"

    Dữ liệu:
      | nội dung        |
      | Chức năng       |
      | Nhiệm vụ        |
      | Chế độ làm việc |

  @para_2__sent_2
  Khung kịch bản: Quy chế áp dụng với các đối tượng được nêu
    Câu nguồn: “Quy chế áp dụng với Tổ công tác, các nhóm công tác, các thành viên, cán bộ giúp việc, chuyên gia của Tổ công tác và các tổ chức, cá nhân có liên quan.”
    In English: the Regulation applies to the WG, its groups, members, support staff, experts and related organisations and individuals.

    Khi xem thông tin về "Quy chế"
    Thì văn bản áp dụng với "<đối tượng>"

    Dữ liệu:
      | đối tượng                                                           |
      | Tổ công tác giúp việc Chủ tịch Ủy ban Quốc gia về Chính phủ điện tử |
      | Nhóm Nguồn lực và bảo đảm thực thi                                  |
      | Nhóm Thể chế và cải cách hành chính                                 |
      | Nhóm Giải pháp công nghệ và an toàn, an ninh thông tin              |
      | Nhóm Truyền thông                                                   |
      | Thành viên Tổ công tác                                              |
      | Cán bộ giúp việc Tổ công tác                                        |
      | Chuyên gia Tổ công tác                                              |
      | Tổ chức, cá nhân có liên quan                                       |
