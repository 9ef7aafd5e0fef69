# language: vi
Tính năng: Chế độ báo cáo của Tổ công tác
  Ai báo cáo ai, bao lâu một lần, về việc gì và theo hình thức nào, đúng như
  Quy chế quy định — và không thêm điều văn bản không nói.
  Who reports to whom, how often, on what and through which channels, as the
  Regulation says — and nothing the text does not say.

  Bối cảnh:
    Biết mô hình tổ chức của Quy chế đã được nạp

  @para_10__sent_2
  Khung kịch bản: Mỗi nhóm công tác báo cáo lãnh đạo Tổ công tác hàng tuần
    Câu nguồn: “Định kỳ hàng tuần các nhóm thuộc Tổ công tác báo cáo lãnh đạo Tổ công tác về kết quả thực hiện nhiệm vụ được giao.”
    In English: every week each working group reports the results of its assigned tasks to the Working Group's leadership.

    Khi hỏi câu "reporting-lines" với reporter là "<nhóm>"
    Thì "<nhóm>" báo cáo "Lãnh đạo Tổ công tác" với tần suất "Hàng tuần"
    Và "<nhóm>" báo cáo "Lãnh đạo Tổ công tác" về "Kết quả thực hiện nhiệm vụ được giao"

    Dữ liệu:
      | nhóm                                                   |
      | Nhóm Nguồn lực và bảo đảm thực thi                     |
      | Nhóm Thể chế và cải cách hành chính                    |
      | Nhóm Giải pháp công nghệ và an toàn, an ninh thông tin |
      | Nhóm Truyền thông                                      |

  @para_10__sent_3
  Kịch bản: Tổ công tác báo cáo Chủ tịch Ủy ban hàng tháng
    Câu nguồn: “Định kỳ hàng tháng, Tổ công tác báo cáo Chủ tịch UBQG về Chính phủ điện tử kết quả thực hiện các nhiệm vụ được giao.”
    In English: every month the Working Group reports its results to the Chairman of the National Committee on E-Government.

    Khi hỏi câu "reporting-lines" với reporter là "Tổ công tác"
    Thì "Tổ công tác giúp việc Chủ tịch Ủy ban Quốc gia về Chính phủ điện tử" báo cáo "Chủ tịch Ủy ban Quốc gia về Chính phủ điện tử" với tần suất "Hàng tháng"
    Và "Tổ công tác giúp việc Chủ tịch Ủy ban Quốc gia về Chính phủ điện tử" báo cáo "Chủ tịch Ủy ban Quốc gia về Chính phủ điện tử" về "Kết quả thực hiện nhiệm vụ được giao"

  @para_10__sent_1
  Khung kịch bản: Thành viên, cán bộ giúp việc, chuyên gia báo cáo lãnh đạo Tổ công tác và lãnh đạo nhóm theo bốn hình thức
    Câu nguồn: “Các thành viên, cán bộ giúp việc, chuyên gia của Tổ công tác có trách nhiệm báo cáo lãnh đạo Tổ công tác, lãnh đạo nhóm công tác theo các hình thức báo cáo trực tiếp, bằng văn bản, tại các cuộc họp hoặc qua thư điện tử.”
    In English: members, support staff and experts report to the WG's leadership and to the leadership of the group they work in (each group has its own), in person, in writing, at meetings or by email; no frequency is set.

    Khi hỏi câu "reporting-lines" với reporter là "<người báo cáo>"
    Thì "<người báo cáo>" báo cáo "<lãnh đạo>" qua các hình thức:
      | hình thức         |
      | Báo cáo trực tiếp |
      | Bằng văn bản      |
      | Tại cuộc họp      |
      | Qua thư điện tử   |
    Và "<người báo cáo>" báo cáo "<lãnh đạo>" không theo tần suất định sẵn

    Dữ liệu:
      | người báo cáo                | lãnh đạo                                                        |
      | Thành viên Tổ công tác       | Lãnh đạo Tổ công tác                                            |
      | Thành viên Tổ công tác       | Lãnh đạo Nhóm Nguồn lực và bảo đảm thực thi                     |
      | Thành viên Tổ công tác       | Lãnh đạo Nhóm Thể chế và cải cách hành chính                    |
      | Thành viên Tổ công tác       | Lãnh đạo Nhóm Giải pháp công nghệ và an toàn, an ninh thông tin |
      | Thành viên Tổ công tác       | Lãnh đạo Nhóm Truyền thông                                      |
      | Cán bộ giúp việc Tổ công tác | Lãnh đạo Tổ công tác                                            |
      | Cán bộ giúp việc Tổ công tác | Lãnh đạo Nhóm Nguồn lực và bảo đảm thực thi                     |
      | Cán bộ giúp việc Tổ công tác | Lãnh đạo Nhóm Thể chế và cải cách hành chính                    |
      | Cán bộ giúp việc Tổ công tác | Lãnh đạo Nhóm Giải pháp công nghệ và an toàn, an ninh thông tin |
      | Cán bộ giúp việc Tổ công tác | Lãnh đạo Nhóm Truyền thông                                      |
      | Chuyên gia Tổ công tác       | Lãnh đạo Tổ công tác                                            |
      | Chuyên gia Tổ công tác       | Lãnh đạo Nhóm Nguồn lực và bảo đảm thực thi                     |
      | Chuyên gia Tổ công tác       | Lãnh đạo Nhóm Thể chế và cải cách hành chính                    |
      | Chuyên gia Tổ công tác       | Lãnh đạo Nhóm Giải pháp công nghệ và an toàn, an ninh thông tin |
      | Chuyên gia Tổ công tác       | Lãnh đạo Nhóm Truyền thông                                      |

  @para_6__sent_1
  Kịch bản: Nội dung đề xuất được báo cáo Ủy ban và Chủ tịch Ủy ban
    Câu nguồn: “Bộ phận thường trực của Tổ công tác gồm lãnh đạo Tổ công tác, Trưởng các nhóm và một số chuyên gia do Tổ trưởng Tổ công tác quyết định theo yêu cầu công việc cho ý kiến đối với những nội dung đề xuất của Tổ công tác (trường hợp cần thiết có thể thuê tư vấn độc lập) trước khi báo cáo Ủy ban, Chủ tịch Ủy ban.”
    In English: the Working Group's proposals go to the Committee and to its Chairman (after the standing unit's opinion).

    Khi hỏi câu "reporting-lines" với reporter là "Tổ công tác"
    Thì "Tổ công tác giúp việc Chủ tịch Ủy ban Quốc gia về Chính phủ điện tử" báo cáo "Ủy ban Quốc gia về Chính phủ điện tử" về "Nội dung đề xuất của Tổ công tác"
    Và "Tổ công tác giúp việc Chủ tịch Ủy ban Quốc gia về Chính phủ điện tử" báo cáo "Chủ tịch Ủy ban Quốc gia về Chính phủ điện tử" về "Nội dung đề xuất của Tổ công tác"

  @para_10__sent_2 @para_10__sent_3
  Kịch bản: Chuỗi báo cáo từ một nhóm công tác lên tới Chủ tịch Ủy ban
    Câu nguồn: “Định kỳ hàng tuần các nhóm thuộc Tổ công tác báo cáo lãnh đạo Tổ công tác về kết quả thực hiện nhiệm vụ được giao.”
    Câu nguồn: “Định kỳ hàng tháng, Tổ công tác báo cáo Chủ tịch UBQG về Chính phủ điện tử kết quả thực hiện các nhiệm vụ được giao.”
    In English: following the reporting lines up from a working group reaches the Chairman of the National Committee.

    Khi hỏi câu "chain-of-command" với from là "Nhóm Truyền thông"
    Thì chuỗi báo cáo đi qua "Lãnh đạo Tổ công tác"
    Và chuỗi báo cáo lên tới "Chủ tịch Ủy ban Quốc gia về Chính phủ điện tử"

  @para_10__sent_2 @para_10__sent_3
  Kịch bản: Không có vòng báo cáo
    Câu nguồn: “Định kỳ hàng tuần các nhóm thuộc Tổ công tác báo cáo lãnh đạo Tổ công tác về kết quả thực hiện nhiệm vụ được giao.”
    Câu nguồn: “Định kỳ hàng tháng, Tổ công tác báo cáo Chủ tịch UBQG về Chính phủ điện tử kết quả thực hiện các nhiệm vụ được giao.”
    In English: reports go up the structure, never round in a circle.

    Khi hỏi câu "reporting-cycles"
    Thì câu trả lời không có dòng nào

  @para_10__sent_1 @para_10__sent_2 @para_10__sent_3
  Kịch bản: Kiểm tra tuân thủ không thấy vi phạm nào về chế độ báo cáo
    Câu nguồn: “Các thành viên, cán bộ giúp việc, chuyên gia của Tổ công tác có trách nhiệm báo cáo lãnh đạo Tổ công tác, lãnh đạo nhóm công tác theo các hình thức báo cáo trực tiếp, bằng văn bản, tại các cuộc họp hoặc qua thư điện tử.”
    Câu nguồn: “Định kỳ hàng tuần các nhóm thuộc Tổ công tác báo cáo lãnh đạo Tổ công tác về kết quả thực hiện nhiệm vụ được giao.”
    Câu nguồn: “Định kỳ hàng tháng, Tổ công tác báo cáo Chủ tịch UBQG về Chính phủ điện tử kết quả thực hiện các nhiệm vụ được giao.”
    In English: `orgkg check` reports no violation of these three sentences.

    Khi kiểm tra tuân thủ
    Thì không có vi phạm nào về các câu này
