# language: vi
Tính năng: Tổ công tác qua thời gian, 2018–2021
  Các văn bản 2019–2021 thay đổi Tổ công tác của Quyết định 426: Tổ trưởng,
  hai Tổ phó, nơi đặt, đơn vị được giúp việc, con dấu, tên gọi. Mỗi dữ kiện
  có ngày và câu nguồn; hỏi vào một ngày thì trả lời đúng cho ngày đó; hai
  nguồn mâu thuẫn thì giữ cả hai và cảnh báo.
  The 2019–2021 acts change Decision 426's Working Group; every change is
  dated and sourced, answers hold for the day asked, and disagreeing sources
  are both kept, with a warning.

  @sec_1__item_3
  Kịch bản: Bộ trưởng, Chủ nhiệm VPCP thôi làm Tổ trưởng từ 09/09/2019
    Câu nguồn: “"Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ … thôi Ủy viên thường trực, Tổng thư ký, Tổ trưởng Công tác" (bizlive.vn)”
    In English: Mai Tiến Dũng's holding of the Head post ends on 9 September 2019 (Notice 320).

    Biết mô hình gồm cả các văn bản 2019–2021, vào ngày "2019-10-01"
    Khi hỏi câu "history" với entity là "Tổ trưởng Tổ công tác"
    Thì lịch sử ghi "Mai Tiến Dũng" từ "—" đến "2019-09-09"

  @sec_1__item_2 @sec_2__item_2
  Kịch bản: Bộ trưởng Bộ TT&TT thôi Tổ phó, làm Phó Chủ tịch Ủy ban
    Câu nguồn: “"Bộ trưởng Thông tin và Truyền thông làm Phó Chủ tịch Ủy ban, thôi Tổ phó Công tác giúp việc Chủ tịch Ủy ban" (bizlive.vn, "Bộ Thông tin và Truyền thông xây dựng Chính phủ điện tử")”
    Câu nguồn: “"Bộ trưởng Thông tin và Truyền thông là Phó Chủ tịch, chịu trách nhiệm trước Chính phủ, Thủ tướng Chính phủ về xây dựng Chính phủ điện tử" (baonamdinh.vn)”
    In English: from 9/9/2019 the Minister is no longer a Deputy Head of the Working Group but the Committee's Vice-Chair.

    Biết mô hình gồm cả các văn bản 2019–2021, vào ngày "2019-12-31"
    Khi hỏi câu "posts"
    Thì chức vụ "Tổ phó Tổ công tác (Bộ trưởng Bộ Thông tin và Truyền thông)" không còn
    Và chức vụ "Phó Chủ tịch Ủy ban (Bộ trưởng Bộ Thông tin và Truyền thông)" do người giữ chức vụ "Bộ trưởng Bộ Thông tin và Truyền thông" đảm nhiệm

  @sec_1__item_5
  Kịch bản: Cục trưởng Cục Kiểm soát thủ tục hành chính thôi Tổ phó Thường trực
    Câu nguồn: “"Cục trưởng Kiểm soát thủ tục hành chính, Văn phòng Chính phủ thôi Tổ phó Thường trực" (bizlive.vn)”
    In English: the Deputy Head post held by the Director General ends on 9/9/2019.

    Biết mô hình gồm cả các văn bản 2019–2021, vào ngày "2019-12-31"
    Khi hỏi câu "posts"
    Thì chức vụ "Tổ phó Tổ công tác (Cục trưởng Cục Kiểm soát thủ tục hành chính, Văn phòng Chính phủ)" không còn

  @sec_1__item_4
  Kịch bản: Thứ trưởng Bộ TT&TT làm Tổ trưởng theo Thông báo 320
    Câu nguồn: “"Giao Thứ trưởng Bộ Thông tin và Truyền thông, Thành viên Ủy ban làm Tổ trưởng" (bizlive.vn)”
    In English: from 9/9/2019 the Head is, ex officio, a Deputy Minister of Information and Communications.

    Biết mô hình gồm cả các văn bản 2019–2021, vào ngày "2019-10-01"
    Khi hỏi câu "posts"
    Thì chức vụ "Tổ trưởng Tổ công tác" do người giữ chức vụ "Thứ trưởng Bộ Thông tin và Truyền thông" đảm nhiệm

  @sec_2__item_3 @sec_2__item_5
  Kịch bản: Tổ công tác giúp việc Ủy ban và đặt tại Bộ TT&TT theo Quyết định 1201
    Câu nguồn: “"thành lập Tổ công tác giúp việc Ủy ban (Tổ công tác) đặt tại Bộ Thông tin và Truyền thông do Thứ trưởng Bộ Thông tin và Truyền thông làm Tổ trưởng" (baonamdinh.vn)”
    Câu nguồn: “Note the new name: the Working Group now assists *the Committee*, not *the Chairman*.”
    In English: from September 2019 the Working Group assists the Committee, not its Chairman, and sits at the Ministry.

    Biết mô hình gồm cả các văn bản 2019–2021, vào ngày "2019-12-31"
    Khi xem thông tin về "tct-cpdt"
    Thì đơn vị này giúp việc "Ủy ban Quốc gia về Chính phủ điện tử"
    Và đơn vị này làm việc tại "Trụ sở Bộ Thông tin và Truyền thông"

  @sec_3__item_1
  Kịch bản: Bộ trưởng Nguyễn Mạnh Hùng làm Tổ trưởng và Phó Chủ tịch Ủy ban theo Quyết định 1737
    Câu nguồn: “"Minister of Information and Communications Nguyen Manh Hung is the deputy head of the Committee cum head of the working group" (news.chinhphu.vn, 04/12/2019)”
    In English: from 3/12/2019 Nguyễn Mạnh Hùng holds the Head post and the Committee's Vice-Chair post.

    Biết mô hình gồm cả các văn bản 2019–2021, vào ngày "2019-12-31"
    Khi hỏi câu "posts"
    Thì chức vụ "Tổ trưởng Tổ công tác" do "Nguyễn Mạnh Hùng" nắm giữ
    Và chức vụ "Phó Chủ tịch Ủy ban (Bộ trưởng Bộ Thông tin và Truyền thông)" do "Nguyễn Mạnh Hùng" nắm giữ

  @sec_3__item_2 @sec_4__item_2 @sec_3__item_3
  Kịch bản: Các nguồn mâu thuẫn về Tổ trưởng: cả hai cách đọc được giữ lại
    Câu nguồn: “"Tổ công tác … được đặt tại Bộ TT&TT, do Bộ trưởng Bộ TT&TT làm Tổ trưởng" (vietnamnet.vn)”
    Câu nguồn: “"Thành lập Tổ công tác giúp việc Ủy ban đặt tại Bộ Thông tin và Truyền thông do Bộ trưởng Bộ Thông tin và Truyền thông làm Tổ trưởng" (saovietlaw.com)”
    Câu nguồn: “Sources disagree on the Head: a Deputy Minister of MIC (1201, as summarised by baonamdinh.vn; 320 by bizlive.vn) or the Minister of MIC (1737, news.chinhphu.vn; 701 below). The full texts were not available.”
    In English: on 31/12/2019 the Head is, ex officio, the Minister by one source and a Deputy Minister by another: both are shown, neither is picked.

    Biết mô hình gồm cả các văn bản 2019–2021, vào ngày "2019-12-31"
    Khi hỏi câu "posts"
    Thì chức vụ "Tổ trưởng Tổ công tác" do người giữ chức vụ "Bộ trưởng Bộ Thông tin và Truyền thông" đảm nhiệm
    Và chức vụ "Tổ trưởng Tổ công tác" do người giữ chức vụ "Thứ trưởng Bộ Thông tin và Truyền thông" đảm nhiệm

  @sec_3__item_3
  Kịch bản: Kiểm tra tuân thủ cảnh báo các nguồn mâu thuẫn, không chọn bên nào
    Câu nguồn: “Sources disagree on the Head: a Deputy Minister of MIC (1201, as summarised by baonamdinh.vn; 320 by bizlive.vn) or the Minister of MIC (1737, news.chinhphu.vn; 701 below). The full texts were not available.”
    In English: `orgkg check` warns, once for each of the two disagreeing statements, and finds no violation.

    Biết mô hình gồm cả các văn bản 2019–2021, vào ngày "2019-12-31"
    Khi kiểm tra tuân thủ
    Thì có 2 cảnh báo các nguồn mâu thuẫn
    Và không có vi phạm nào về các câu này

  @sec_2__item_1
  Kịch bản: Phó Thủ tướng Vũ Đức Đam là Phó Chủ tịch Thường trực Ủy ban từ tháng 9/2019
    Câu nguồn: “"Phó Chủ tịch Thường trực Ủy ban là Phó Thủ tướng Vũ Đức Đam, trực tiếp chỉ đạo các công việc thường xuyên" (baonamdinh.vn, 20/9/2019; news.gov.vn, 18/9/2019)”
    In English: the standing Vice-Chair post, known from September 2019 (the month only), is held by Vũ Đức Đam.

    Biết mô hình gồm cả các văn bản 2019–2021, vào ngày "2019-12-31"
    Khi hỏi câu "history" với entity là "Phó Chủ tịch Thường trực Ủy ban"
    Thì lịch sử ghi "Phó Chủ tịch Thường trực Ủy ban" từ "2019-09" đến "—"

  @sec_2__item_4
  Kịch bản: Bộ TT&TT bảo đảm điều kiện cho Ủy ban và Tổ công tác
    Câu nguồn: “"Bộ Thông tin và Truyền thông là cơ quan đầu mối, giúp Ủy ban điều phối … đảm bảo các điều kiện cần thiết cho hoạt động của Ủy ban và Tổ công tác" (baonamdinh.vn)”
    In English: from September 2019 the Ministry must ensure the conditions the Committee and the Working Group need.

    Biết mô hình gồm cả các văn bản 2019–2021, vào ngày "2019-12-31"
    Khi hỏi câu "duties"
    Thì "Bộ Thông tin và Truyền thông" có nghĩa vụ "Bảo đảm" đối với "Điều kiện cần thiết cho hoạt động của Ủy ban và Tổ công tác"

  @sec_4__item_1
  Kịch bản: Chủ tịch và Phó Chủ tịch Thường trực dùng con dấu của Thủ tướng từ 26/05/2020
    Câu nguồn: “"Chủ tịch Ủy ban, Phó Chủ tịch thường trực Ủy ban sử dụng con dấu của Thủ tướng Chính phủ, các thành viên khác sử dụng con dấu của cơ quan mình" (saovietlaw.com)”
    In English: from Decision 701 the Chair and the standing Vice-Chair use the Prime Minister's seal.

    Biết mô hình gồm cả các văn bản 2019–2021, vào ngày "2020-06-01"
    Khi hỏi câu "seal-authorities"
    Thì "Phó Chủ tịch Thường trực Ủy ban" được dùng "Con dấu của Thủ tướng Chính phủ" và do "Vũ Đức Đam" giữ

  @sec_5__item_1
  Kịch bản: Ủy ban đổi tên thành Ủy ban Quốc gia về chuyển đổi số từ 24/09/2021
    Câu nguồn: “The Committee is renamed Ủy ban Quốc gia về chuyển đổi số (National Committee on Digital Transformation); Chair: the Prime Minister; standing Vice-Chair: "Phó Thủ tướng Chính phủ trực tiếp theo dõi, chỉ đạo lĩnh vực thông tin và truyền thông"; Vice-Chair: the Minister of Information and Communications (hoichieusangvietnam.org.vn; sotttt.quangtri.gov.vn).”
    In English: from 24/9/2021 the Committee has its new name, and its Chair is, ex officio, the Prime Minister.

    Biết mô hình gồm cả các văn bản 2019–2021, vào ngày "2021-10-01"
    Khi hỏi câu "posts"
    Thì chức vụ "Chủ tịch Ủy ban Quốc gia về Chính phủ điện tử" do người giữ chức vụ "Thủ tướng Chính phủ" đảm nhiệm
    Và chức vụ "Phó Chủ tịch Thường trực Ủy ban" thuộc "Ủy ban Quốc gia về chuyển đổi số"

  @sec_1__item_1
  Kịch bản: So sánh ngày 01/12/2018 với 31/12/2019 cho thấy Tổ công tác rời trụ sở VPCP
    Câu nguồn: “"chuyển nhiệm vụ thường trực tổ công tác … từ Văn phòng Chính phủ sang Bộ TT&TT" (plo.vn, "Bộ TT&TT nhận nhiệm vụ xây dựng Chính phủ điện tử")”
    In English: `orgkg diff --at 2018-12-01 --to 2019-12-31` shows the Working Group renamed and moved, on this sentence among others.

    Biết mô hình gồm cả các văn bản 2019–2021
    Khi so sánh ngày "2018-12-01" với ngày "2019-12-31"
    Thì thấy "Tổ công tác giúp việc Ủy ban Quốc gia về Chính phủ điện tử" được đổi tên với nguồn "sec_1__item_1"
    Và thấy "Bộ phận giúp việc của Tổ công tác" được thay đổi với nguồn "sec_1__item_1"
