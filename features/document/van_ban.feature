# language: vi
Tính năng: Văn bản ban hành Quy chế và nguồn tin
  Quyết định 426, kế hoạch hoạt động ban hành cùng ngày, Quy chế phối hợp ký
  tại phiên họp thứ nhất, và nguồn của bài viết, của ảnh.
  Decision 426, the action plan issued the same day, the coordination
  regulation signed at the first session, and where the article and photo come from.

  Bối cảnh:
    Biết mô hình tổ chức của Quy chế đã được nạp

  @para_1__sent_1
  Kịch bản: Quyết định 426 do Bộ trưởng, Chủ nhiệm VPCP Mai Tiến Dũng ký ngày 18/10/2018
    Câu nguồn: “Ngày 18/10/2018, Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ Mai Tiến Dũng đã ký quyết định 426 ban hành Quy chế tổ chức và hoạt động của Tổ công tác giúp việc Chủ tịch Ủy ban Quốc gia (UBQG) về Chính phủ điện tử.”
    In English: Decision 426 was signed on 18 October 2018 by Mai Tiến Dũng as Minister and Chairman of the Government Office, and issues the Regulation; the text names no issuing body.

    Khi xem thông tin về "Quyết định 426"
    Thì văn bản có số "426"
    Và văn bản có ngày "2018-10-18"
    Và văn bản do "Mai Tiến Dũng" ký với chức danh "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ"
    Và văn bản không nêu chủ thể ban hành
    Và văn bản gồm "Quy chế tổ chức và hoạt động của Tổ công tác giúp việc Chủ tịch Ủy ban Quốc gia về Chính phủ điện tử"

  @para_11__sent_1
  Kịch bản: Kế hoạch hoạt động đến hết năm 2018 do Tổ công tác ban hành cùng ngày
    Câu nguồn: “Cùng ngày 18/10, Tổ công tác cũng đã ban hành Kế hoạch hoạt động của Tổ công tác giúp việc Chủ tịch UBQG về Chính phủ điện tử từ nay đến hết năm 2018.”
    In English: the same day, the Working Group issued its action plan, which covers the period to the end of 2018 (a period, not a validity).

    Khi tìm "ke hoach hoat dong"
    Thì kết quả đầu tiên là "Kế hoạch hoạt động của Tổ công tác giúp việc Chủ tịch Ủy ban Quốc gia về Chính phủ điện tử từ nay đến hết năm 2018"
    Khi xem thông tin về "Kế hoạch hoạt động của Tổ công tác giúp việc Chủ tịch Ủy ban Quốc gia về Chính phủ điện tử từ nay đến hết năm 2018"
    Thì văn bản do "Tổ công tác giúp việc Chủ tịch Ủy ban Quốc gia về Chính phủ điện tử" ban hành
    Và văn bản có ngày "2018-10-18"
    Và kế hoạch cho giai đoạn từ "2018-10-18" đến hết "2018-12-31"
    Và văn bản không nêu ngày hết hiệu lực

  @caption_1__sent_1
  Kịch bản: Quy chế phối hợp giữa VPCP và Bộ TT&TT ký ngày 20/9 tại phiên họp thứ nhất
    Câu nguồn: “Bộ trưởng, Chủ nhiệm VPCP Mai Tiến Dũng, Tổ trưởng Tổ công tác (ngồi bên phải) và Quyền Bộ trưởng Bộ TT&TT Nguyễn Mạnh Hùng, Tổ phó Tổ công tác vào ngày 20/9 tại phiên họp thứ nhất của UBQG về Chính phủ điện tử đã ký kết Quy chế phối hợp trong công tác xây dựng, phát triển Chính phủ điện tử giữa VPCP và Bộ TT&TT”
    In English: the VPCP–MIC coordination regulation was signed on 20/9 by Mai Tiến Dũng and Nguyễn Mạnh Hùng at the Committee's first session.

    Khi xem thông tin về "Quy chế phối hợp trong công tác xây dựng, phát triển Chính phủ điện tử giữa Văn phòng Chính phủ và Bộ Thông tin và Truyền thông"
    Thì văn bản có ngày "2018-09-20"
    Và văn bản do "Mai Tiến Dũng" ký với chức danh "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ"
    Và văn bản do "Nguyễn Mạnh Hùng" ký với chức danh "Bộ trưởng Bộ Thông tin và Truyền thông"
    Và văn bản không nêu chủ thể ban hành

  @attribution
  Kịch bản: Bài viết theo ICTnews
    Câu nguồn: “Theo ICTnews”
    In English: the article the model is taken from is attributed to ICTnews.

    Khi hỏi câu "provenance" với entity là "ICTnews"
    Thì nguồn gồm câu "attribution"
    Khi xem thông tin về "ICTnews"
    Thì "Quy chế tổ chức, hoạt động Tổ công tác giúp việc Chủ tịch UBQG về Chính phủ điện tử" được ghi là của nguồn này

  @caption_1__sent_2
  Kịch bản: Ảnh do Chinhphu.vn cung cấp
    Câu nguồn: “(Nguồn ảnh: Chinhphu.vn)”
    In English: the photo (img_1) is attributed to Chinhphu.vn, as the caption says.

    Khi hỏi câu "provenance" với entity là "Chinhphu.vn"
    Thì nguồn gồm câu "caption_1__sent_2"
    Khi xem thông tin về "Chinhphu.vn"
    Thì "img_1" được ghi là của nguồn này

  @title @dateline
  Kịch bản: Tiêu đề và dòng ngày giờ của bài viết đúng như bản gốc
    Câu nguồn: “Quy chế tổ chức, hoạt động Tổ công tác giúp việc Chủ tịch UBQG về Chính phủ điện tử”
    Câu nguồn: “Thứ sáu - 19/10/2018 10:29”
    In English: the article's headline and dateline are kept word for word; the article, under that headline, is ICTnews'.

    Khi xem thông tin về "ICTnews"
    Thì "Quy chế tổ chức, hoạt động Tổ công tác giúp việc Chủ tịch UBQG về Chính phủ điện tử" được ghi là của nguồn này

  @img_1 @caption_1__sent_2
  Kịch bản: Ảnh mang tiêu đề của nó và được ghi là của Chinhphu.vn
    Câu nguồn: “Quy chế tổ chức, hoạt động của Tổ công tác giúp việc Chủ tịch UBQG về Chính phủ điện tử”
    Câu nguồn: “(Nguồn ảnh: Chinhphu.vn)”
    In English: the photo's title text is kept word for word, and the photo is attributed to Chinhphu.vn.

    Khi xem thông tin về "Chinhphu.vn"
    Thì "img_1" được ghi là của nguồn này
