# language: vi
Tính năng: Quyền sử dụng con dấu
  Chức vụ nào được dùng con dấu của cơ quan nào — và chỉ những chức vụ đó.
  Tổ công tác không có con dấu riêng.
  Which posts may use which body's seal — and no others. The Working Group
  has no seal of its own.

  Bối cảnh:
    Biết mô hình tổ chức của Quy chế đã được nạp

  @para_4__sent_1
  Kịch bản: Tổ trưởng và Tổ phó là Cục trưởng được dùng con dấu của VPCP
    Câu nguồn: “Tổ trưởng Tổ công tác và Tổ phó Tổ công tác là Cục trưởng Cục Kiểm soát thủ tục hành chính, Văn phòng Chính phủ (VPCP) được sử dụng con dấu của VPCP.”
    In English: the head and the deputy who is Director General of the Administrative Procedures Control Agency may use the Government Office's seal — no one else may.

    Khi hỏi câu "seal-authorities"
    Thì chỉ các chức vụ sau được dùng "Con dấu của Văn phòng Chính phủ":
      | chức vụ                                                                               |
      | Tổ trưởng Tổ công tác                                                                 |
      | Tổ phó Tổ công tác (Cục trưởng Cục Kiểm soát thủ tục hành chính, Văn phòng Chính phủ) |

  @para_4__sent_2
  Kịch bản: Tổ phó là Bộ trưởng Bộ TT&TT được dùng con dấu của Bộ TT&TT
    Câu nguồn: “Tổ phó Tổ công tác là Bộ trưởng Bộ TT&TT được sử dụng con dấu của Bộ TT&TT.”
    In English: only the deputy who is Minister of Information and Communications may use the Ministry's seal.

    Khi hỏi câu "seal-authorities"
    Thì chỉ các chức vụ sau được dùng "Con dấu của Bộ Thông tin và Truyền thông":
      | chức vụ                                                     |
      | Tổ phó Tổ công tác (Bộ trưởng Bộ Thông tin và Truyền thông) |

  @para_4__sent_1 @para_4__sent_2
  Kịch bản: Chỉ có con dấu của hai cơ quan được dùng
    Câu nguồn: “Tổ trưởng Tổ công tác và Tổ phó Tổ công tác là Cục trưởng Cục Kiểm soát thủ tục hành chính, Văn phòng Chính phủ (VPCP) được sử dụng con dấu của VPCP.”
    Câu nguồn: “Tổ phó Tổ công tác là Bộ trưởng Bộ TT&TT được sử dụng con dấu của Bộ TT&TT.”
    In English: the only seals used are the Government Office's and the Ministry's.

    Khi hỏi câu "seal-authorities"
    Thì các con dấu được dùng đúng là:
      | con dấu                                   |
      | Con dấu của Văn phòng Chính phủ           |
      | Con dấu của Bộ Thông tin và Truyền thông  |

  @para_4__sent_1
  Kịch bản: Ai đang giữ các chức vụ được dùng con dấu của VPCP
    Câu nguồn: “Tổ trưởng Tổ công tác và Tổ phó Tổ công tác là Cục trưởng Cục Kiểm soát thủ tục hành chính, Văn phòng Chính phủ (VPCP) được sử dụng con dấu của VPCP.”
    In English: the deputy post that may use the Government Office's seal has no holder the text names — shown empty, not invented.

    Khi hỏi câu "seal-authorities"
    Thì "Tổ phó Tổ công tác (Cục trưởng Cục Kiểm soát thủ tục hành chính, Văn phòng Chính phủ)" được dùng "Con dấu của Văn phòng Chính phủ" nhưng chưa rõ ai giữ chức vụ đó
    Và "Tổ trưởng Tổ công tác" được dùng "Con dấu của Văn phòng Chính phủ" và do "Mai Tiến Dũng" giữ
