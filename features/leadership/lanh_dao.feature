# language: vi
Tính năng: Lãnh đạo Tổ công tác và người giữ chức vụ
  Ai giữ chức vụ nào, kiêm nhiệm theo chức vụ nào, như văn bản và chú thích
  ảnh nêu; chức vụ văn bản không nêu tên người giữ thì để trống, không bịa ra.
  Who holds which post, and ex officio of which post, as the text and the
  photo caption say; a post whose holder the text does not name stays vacant.

  Bối cảnh:
    Biết mô hình tổ chức của Quy chế đã được nạp

  @para_4__sent_1
  Kịch bản: Một Tổ phó là Cục trưởng Cục Kiểm soát thủ tục hành chính, VPCP
    Câu nguồn: “Tổ trưởng Tổ công tác và Tổ phó Tổ công tác là Cục trưởng Cục Kiểm soát thủ tục hành chính, Văn phòng Chính phủ (VPCP) được sử dụng con dấu của VPCP.”
    In English: one deputy head is, ex officio, the Director General of the Government Office's Administrative Procedures Control Agency; the text names no one, so the post is vacant.

    Khi hỏi câu "posts"
    Thì chức vụ "Tổ phó Tổ công tác (Cục trưởng Cục Kiểm soát thủ tục hành chính, Văn phòng Chính phủ)" do người giữ chức vụ "Cục trưởng Cục Kiểm soát thủ tục hành chính" đảm nhiệm
    Và chức vụ "Tổ phó Tổ công tác (Cục trưởng Cục Kiểm soát thủ tục hành chính, Văn phòng Chính phủ)" chưa rõ người giữ
    Và chức vụ "Cục trưởng Cục Kiểm soát thủ tục hành chính" thuộc "Cục Kiểm soát thủ tục hành chính"

  @para_4__sent_2
  Kịch bản: Tổ phó còn lại là Bộ trưởng Bộ TT&TT
    Câu nguồn: “Tổ phó Tổ công tác là Bộ trưởng Bộ TT&TT được sử dụng con dấu của Bộ TT&TT.”
    In English: the other deputy head is, ex officio, the Minister of Information and Communications.

    Khi hỏi câu "posts"
    Thì chức vụ "Tổ phó Tổ công tác (Bộ trưởng Bộ Thông tin và Truyền thông)" do người giữ chức vụ "Bộ trưởng Bộ Thông tin và Truyền thông" đảm nhiệm

  @para_4__sent_1 @para_4__sent_2
  Kịch bản: Kiểm tra tuân thủ không thấy vi phạm nào về cơ sở kiêm nhiệm của hai Tổ phó
    Câu nguồn: “Tổ trưởng Tổ công tác và Tổ phó Tổ công tác là Cục trưởng Cục Kiểm soát thủ tục hành chính, Văn phòng Chính phủ (VPCP) được sử dụng con dấu của VPCP.”
    Câu nguồn: “Tổ phó Tổ công tác là Bộ trưởng Bộ TT&TT được sử dụng con dấu của Bộ TT&TT.”
    In English: `orgkg check` finds no violation of the deputies' ex officio basis or of the seal rules.

    Khi kiểm tra tuân thủ
    Thì không có vi phạm nào về các câu này

  @caption_1__sent_1
  Kịch bản: Chú thích ảnh cho biết ai giữ các chức vụ lãnh đạo lúc đó
    Câu nguồn: “Bộ trưởng, Chủ nhiệm VPCP Mai Tiến Dũng, Tổ trưởng Tổ công tác (ngồi bên phải) và Quyền Bộ trưởng Bộ TT&TT Nguyễn Mạnh Hùng, Tổ phó Tổ công tác vào ngày 20/9 tại phiên họp thứ nhất của UBQG về Chính phủ điện tử đã ký kết Quy chế phối hợp trong công tác xây dựng, phát triển Chính phủ điện tử giữa VPCP và Bộ TT&TT”
    In English: the caption names Mai Tiến Dũng as head of the WG and Nguyễn Mạnh Hùng, Acting Minister of MIC, as a deputy head.

    Khi hỏi câu "posts"
    Thì chức vụ "Tổ trưởng Tổ công tác" do "Mai Tiến Dũng" nắm giữ
    Và chức vụ "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ" do "Mai Tiến Dũng" nắm giữ
    Và chức vụ "Tổ phó Tổ công tác (Bộ trưởng Bộ Thông tin và Truyền thông)" do "Nguyễn Mạnh Hùng" nắm giữ
    Và chức vụ "Bộ trưởng Bộ Thông tin và Truyền thông" do "Nguyễn Mạnh Hùng" giữ quyền

  @caption_1__sent_1
  Kịch bản: Một người giữ nhiều chức vụ cùng lúc
    Câu nguồn: “Bộ trưởng, Chủ nhiệm VPCP Mai Tiến Dũng, Tổ trưởng Tổ công tác (ngồi bên phải) và Quyền Bộ trưởng Bộ TT&TT Nguyễn Mạnh Hùng, Tổ phó Tổ công tác vào ngày 20/9 tại phiên họp thứ nhất của UBQG về Chính phủ điện tử đã ký kết Quy chế phối hợp trong công tác xây dựng, phát triển Chính phủ điện tử giữa VPCP và Bộ TT&TT”
    In English: Mai Tiến Dũng sits both in the Government Office and, as Head, in the Working Group's leadership.

    Khi hỏi câu "multi-unit-members"
    Thì "Mai Tiến Dũng" có mặt trong "Văn phòng Chính phủ"
    Và "Mai Tiến Dũng" có mặt trong "Lãnh đạo Tổ công tác"

  @para_1__sent_1
  Kịch bản: Văn bản không nêu tên Chủ tịch Ủy ban Quốc gia
    Câu nguồn: “Ngày 18/10/2018, Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ Mai Tiến Dũng đã ký quyết định 426 ban hành Quy chế tổ chức và hoạt động của Tổ công tác giúp việc Chủ tịch Ủy ban Quốc gia (UBQG) về Chính phủ điện tử.”
    In English: the Chairman of the National Committee is never named in the text: the holder is "not named", which is not a vacancy (nothing invented either way).

    Khi hỏi câu "posts"
    Thì chức vụ "Chủ tịch Ủy ban Quốc gia về Chính phủ điện tử" chưa rõ người giữ

  @para_3__sent_1
  Kịch bản: Mọi công việc do Tổ trưởng quyết định
    Câu nguồn: “Quy chế nêu rõ, Tổ công tác làm việc theo các nguyên tắc: Bảo đảm thực hiện đúng và đầy đủ theo chức năng, nhiệm vụ của Tổ công tác; Mọi công việc được thảo luận dân chủ, công khai và do Tổ trưởng Tổ công tác quyết định; Đề cao sự chủ động, trách nhiệm cá nhân của các thành viên, cán bộ giúp việc, chuyên gia trong hoạt động của Tổ công tác và chịu trách nhiệm trước Tổ trưởng Tổ công tác trong phạm vi nhiệm vụ được phân công.”
    In English: all work is decided by the head of the Working Group.

    Khi hỏi câu "duties"
    Thì "Tổ trưởng Tổ công tác" có quyền "Quyết định" đối với "Mọi công việc của Tổ công tác"

  @para_3__sent_1
  Khung kịch bản: Thành viên, cán bộ giúp việc, chuyên gia chịu trách nhiệm trước Tổ trưởng
    Câu nguồn: “Quy chế nêu rõ, Tổ công tác làm việc theo các nguyên tắc: Bảo đảm thực hiện đúng và đầy đủ theo chức năng, nhiệm vụ của Tổ công tác; Mọi công việc được thảo luận dân chủ, công khai và do Tổ trưởng Tổ công tác quyết định; Đề cao sự chủ động, trách nhiệm cá nhân của các thành viên, cán bộ giúp việc, chuyên gia trong hoạt động của Tổ công tác và chịu trách nhiệm trước Tổ trưởng Tổ công tác trong phạm vi nhiệm vụ được phân công.”
    In English: members, support staff and experts answer to the head within their assigned tasks.

    Khi hỏi câu "duties"
    Thì "<chức vụ> Tổ công tác" có nghĩa vụ "Chịu trách nhiệm trước" đối với "Tổ trưởng Tổ công tác"

    Dữ liệu:
      | chức vụ          |
      | Thành viên       |
      | Cán bộ giúp việc |
      | Chuyên gia       |
