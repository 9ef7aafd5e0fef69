# language: vi
Tính năng: Nguồn cán bộ của bộ phận giúp việc
  Cán bộ giúp việc đến từ đâu và theo hình thức nào; điều văn bản không nói thì để trống.
  Where the support unit's staff come from, and how; what the text leaves open stays empty.

  Bối cảnh:
    Biết mô hình tổ chức của Quy chế đã được nạp

  @para_7__sent_3
  Khung kịch bản: Cán bộ được trưng tập từ VPCP, biệt phái từ Bộ TT&TT và Ban Cơ yếu Chính phủ
    Câu nguồn: “Tổ công tác có bộ phận giúp việc làm việc theo chế độ chuyên trách tại VPCP gồm một số cán bộ được trung tập từ VPCP, biệt phái từ Bộ TT&TT, Ban Cơ yếu Chính phủ, chuyên gia từ một số doanh nghiệp, tổ chức trong nước và quốc tế.”
    In English: support staff are temporarily transferred from the Government Office and seconded from MIC and from the Government Cipher Committee.

    Khi hỏi câu "staffing"
    Thì "Bộ phận giúp việc của Tổ công tác" nhận "Cán bộ giúp việc Tổ công tác" từ "<nơi cử>" theo hình thức "<hình thức>"

    Dữ liệu:
      | nơi cử                        | hình thức |
      | Văn phòng Chính phủ           | Trưng tập |
      | Bộ Thông tin và Truyền thông  | Biệt phái |
      | Ban Cơ yếu Chính phủ          | Biệt phái |

  @para_7__sent_3
  Kịch bản: Chuyên gia từ doanh nghiệp, tổ chức trong nước và quốc tế; hình thức không được nêu
    Câu nguồn: “Tổ công tác có bộ phận giúp việc làm việc theo chế độ chuyên trách tại VPCP gồm một số cán bộ được trung tập từ VPCP, biệt phái từ Bộ TT&TT, Ban Cơ yếu Chính phủ, chuyên gia từ một số doanh nghiệp, tổ chức trong nước và quốc tế.”
    In English: experts come from domestic and international enterprises and organisations; how they come is not said, so no mode is recorded.

    Khi hỏi câu "staffing"
    Thì "Bộ phận giúp việc của Tổ công tác" nhận "Chuyên gia Tổ công tác" từ "Doanh nghiệp, tổ chức trong nước và quốc tế" mà văn bản không nêu hình thức

  @para_7__sent_3
  Kịch bản: Bộ phận giúp việc làm việc tại trụ sở VPCP
    Câu nguồn: “Tổ công tác có bộ phận giúp việc làm việc theo chế độ chuyên trách tại VPCP gồm một số cán bộ được trung tập từ VPCP, biệt phái từ Bộ TT&TT, Ban Cơ yếu Chính phủ, chuyên gia từ một số doanh nghiệp, tổ chức trong nước và quốc tế.”
    In English: the support unit works at the Government Office ("tại VPCP").

    Khi xem thông tin về "Bộ phận giúp việc của Tổ công tác"
    Thì đơn vị này làm việc tại "Trụ sở Văn phòng Chính phủ"
