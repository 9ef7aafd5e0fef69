# language: vi
Tính năng: Một người có thể tham gia nhiều nhóm công tác
  Quy chế cho phép một thành viên, cán bộ giúp việc, chuyên gia tham gia nhiều
  nhóm; mô hình phải cho phép điều đó và câu hỏi "multi-unit-members" phải tìm ra họ.
  The Regulation lets one member, support staffer or expert sit in several
  groups; the model must allow it and "multi-unit-members" must find them.

  Bối cảnh:
    Biết mô hình tổ chức của Quy chế đã được nạp

  @para_7__sent_4
  Khung kịch bản: Tham gia nhiều nhóm là một quyền, theo phân công của lãnh đạo Tổ công tác
    Câu nguồn: “Một thành viên, cán bộ giúp việc, chuyên gia Tổ công tác có thể tham gia nhiều nhóm công tác theo phân công của lãnh đạo Tổ công tác.”
    In English: a member, support staffer or expert may sit in several working groups, as the WG's leadership assigns.

    Khi hỏi câu "duties"
    Thì "<chức vụ> Tổ công tác" có quyền "Tham gia" đối với "Nhóm Truyền thông"
    Và "<chức vụ> Tổ công tác" có quyền "Tham gia" đối với "Nhóm Thể chế và cải cách hành chính"

    Dữ liệu:
      | chức vụ          |
      | Thành viên       |
      | Cán bộ giúp việc |
      | Chuyên gia       |

  @para_7__sent_4
  Kịch bản: Một chuyên gia ở hai nhóm vẫn tuân thủ Quy chế và được tìm ra
    Câu nguồn: “Một thành viên, cán bộ giúp việc, chuyên gia Tổ công tác có thể tham gia nhiều nhóm công tác theo phân công của lãnh đạo Tổ công tác.”
    In English: an expert placed in two working groups is allowed, and the multi-unit question lists them.

    Biết mô hình có thêm dữ liệu "mot-chuyen-gia-hai-nhom.ttl"
    Khi hỏi câu "multi-unit-members"
    Thì "Chuyên gia A (ví dụ)" có mặt trong "Nhóm Truyền thông"
    Và "Chuyên gia A (ví dụ)" có mặt trong "Nhóm Thể chế và cải cách hành chính"
    Khi kiểm tra tuân thủ
    Thì không có vi phạm nào về các câu này
