# language: vi
Tính năng: Chế độ họp của Tổ công tác
  Họp định kỳ mỗi tháng, họp đột xuất theo yêu cầu của lãnh đạo, thành phần
  họp và họp mở rộng.
  Monthly regular meetings, ad hoc meetings at the leadership's request, who
  attends, and extended meetings.

  Bối cảnh:
    Biết mô hình tổ chức của Quy chế đã được nạp

  @para_9__sent_1
  Kịch bản: Tổ công tác họp định kỳ mỗi tháng một lần và họp đột xuất khi lãnh đạo yêu cầu
    Câu nguồn: “Tổ công tác họp định kỳ 1 tháng/lần và họp đột xuất theo yêu cầu của lãnh đạo Tổ công tác.”
    In English: the Working Group meets once a month, and ad hoc when its leadership asks.

    Khi hỏi câu "meetings"
    Thì có cuộc "Họp định kỳ" với tần suất "Hàng tháng"
    Và có cuộc "Họp đột xuất" do "Lãnh đạo Tổ công tác" triệu tập
    Và có cuộc "Họp đột xuất" với tần suất "Đột xuất"

  @para_9__sent_2
  Khung kịch bản: Thành phần họp do lãnh đạo Tổ công tác quyết định
    Câu nguồn: “Thành phần họp do lãnh đạo Tổ công tác quyết định.”
    In English: the WG's leadership decides who attends its meetings.

    Khi hỏi câu "meetings"
    Thì thành phần cuộc "<loại>" do "Lãnh đạo Tổ công tác" quyết định

    Dữ liệu:
      | loại          |
      | Họp định kỳ   |
      | Họp đột xuất  |
      | Họp mở rộng   |

  @para_9__sent_3
  Kịch bản: Lãnh đạo Tổ công tác quyết định họp mở rộng với đại diện cơ quan liên quan
    Câu nguồn: “Lãnh đạo Tổ công tác quyết định cuộc họp mở rộng có sự tham gia của đại điện cơ quan, đơn vị liên quan.”
    In English: the WG's leadership decides on extended meetings, with representatives of related agencies and units.

    Khi hỏi câu "meetings"
    Thì có cuộc "Họp mở rộng" do "Lãnh đạo Tổ công tác" triệu tập
    Và cuộc "Họp mở rộng" có sự tham gia của "Đại diện cơ quan, đơn vị liên quan"
    Và cuộc "Họp mở rộng" không có tần suất định sẵn

  @para_9__sent_1 @para_9__sent_2 @para_9__sent_3
  Kịch bản: Kiểm tra tuân thủ không thấy vi phạm nào về chế độ họp
    Câu nguồn: “Tổ công tác họp định kỳ 1 tháng/lần và họp đột xuất theo yêu cầu của lãnh đạo Tổ công tác.”
    Câu nguồn: “Thành phần họp do lãnh đạo Tổ công tác quyết định.”
    Câu nguồn: “Lãnh đạo Tổ công tác quyết định cuộc họp mở rộng có sự tham gia của đại điện cơ quan, đơn vị liên quan.”
    In English: `orgkg check` finds no violation of the meeting rules.

    Khi kiểm tra tuân thủ
    Thì không có vi phạm nào về các câu này
