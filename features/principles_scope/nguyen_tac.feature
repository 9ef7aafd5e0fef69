# language: vi
Tính năng: Nguyên tắc làm việc của Tổ công tác
  Bốn nguyên tắc (ba nêu ở đoạn 3, một ở chế độ làm việc), và những nghĩa vụ
  văn bản không nêu ai thực hiện — khoảng trống mà câu hỏi "uncovered-duties"
  phải chỉ ra.
  The four principles (three in paragraph 3, one with the working regime), and
  the duties the text gives no bearer — the gaps the "uncovered-duties"
  question must point out.

  Bối cảnh:
    Biết mô hình tổ chức của Quy chế đã được nạp

  @para_3__sent_1
  Khung kịch bản: Tổ công tác làm việc theo ba nguyên tắc nêu ở đoạn 3
    Câu nguồn: “Quy chế nêu rõ, Tổ công tác làm việc theo các nguyên tắc: Bảo đảm thực hiện đúng và đầy đủ theo chức năng, nhiệm vụ của Tổ công tác; Mọi công việc được thảo luận dân chủ, công khai và do Tổ trưởng Tổ công tác quyết định; Đề cao sự chủ động, trách nhiệm cá nhân của các thành viên, cán bộ giúp việc, chuyên gia trong hoạt động của Tổ công tác và chịu trách nhiệm trước Tổ trưởng Tổ công tác trong phạm vi nhiệm vụ được phân công.”
    In English: the Working Group works by three principles: carry out its tasks fully, discuss openly with the head deciding, and personal responsibility.

    Khi hỏi câu "principles"
    Thì "Tổ công tác giúp việc Chủ tịch Ủy ban Quốc gia về Chính phủ điện tử" làm việc theo nguyên tắc "<nguyên tắc>"

    Dữ liệu:
      | nguyên tắc                                                                                                                                                                       |
      | Bảo đảm thực hiện đúng và đầy đủ theo chức năng, nhiệm vụ của Tổ công tác                                                                                                       |
      | Mọi công việc được thảo luận dân chủ, công khai và do Tổ trưởng Tổ công tác quyết định                                                                                          |
      | Đề cao sự chủ động, trách nhiệm cá nhân của các thành viên, cán bộ giúp việc, chuyên gia và chịu trách nhiệm trước Tổ trưởng Tổ công tác trong phạm vi nhiệm vụ được phân công |

  @para_3__sent_1 @para_8__sent_2
  Kịch bản: Tổ công tác làm việc theo đúng bốn nguyên tắc
    Câu nguồn: “Quy chế nêu rõ, Tổ công tác làm việc theo các nguyên tắc: Bảo đảm thực hiện đúng và đầy đủ theo chức năng, nhiệm vụ của Tổ công tác; Mọi công việc được thảo luận dân chủ, công khai và do Tổ trưởng Tổ công tác quyết định; Đề cao sự chủ động, trách nhiệm cá nhân của các thành viên, cán bộ giúp việc, chuyên gia trong hoạt động của Tổ công tác và chịu trách nhiệm trước Tổ trưởng Tổ công tác trong phạm vi nhiệm vụ được phân công.”
    Câu nguồn: “Theo đó, Tổ công tác, nhóm công tác làm việc theo chế độ Thủ trưởng và phát huy cao nhất khả năng của các thành viên, chuyên gia, cán bộ giúp việc.”
    In English: three principles in paragraph 3 and "make the most of everyone's abilities" with the working regime: exactly four, counted.

    Khi hỏi câu "principles"
    Thì "Tổ công tác giúp việc Chủ tịch Ủy ban Quốc gia về Chính phủ điện tử" làm việc theo đúng 4 nguyên tắc
    Và "Tổ công tác giúp việc Chủ tịch Ủy ban Quốc gia về Chính phủ điện tử" làm việc theo nguyên tắc "Phát huy cao nhất khả năng của các thành viên, chuyên gia, cán bộ giúp việc"

  @para_3__sent_1
  Kịch bản: Việc thảo luận dân chủ, công khai không được giao cho ai
    Câu nguồn: “Quy chế nêu rõ, Tổ công tác làm việc theo các nguyên tắc: Bảo đảm thực hiện đúng và đầy đủ theo chức năng, nhiệm vụ của Tổ công tác; Mọi công việc được thảo luận dân chủ, công khai và do Tổ trưởng Tổ công tác quyết định; Đề cao sự chủ động, trách nhiệm cá nhân của các thành viên, cán bộ giúp việc, chuyên gia trong hoạt động của Tổ công tác và chịu trách nhiệm trước Tổ trưởng Tổ công tác trong phạm vi nhiệm vụ được phân công.”
    In English: "all work is discussed democratically and openly" is passive — it names no one who must do it, so it is reported as uncovered.

    Khi hỏi câu "uncovered-duties"
    Thì "Thảo luận dân chủ, công khai mọi công việc" được báo là không có người thực hiện

  @para_3__sent_2
  Kịch bản: Nghĩa vụ thay thế kịp thời không có người thực hiện
    Câu nguồn: “Kịp thời thay thế trong trường hợp không đáp ứng yêu cầu.”
    In English: "replace promptly whoever does not meet requirements" names no one who must do it, so it is reported as uncovered.

    Khi hỏi câu "uncovered-duties"
    Thì "Kịp thời thay thế thành viên, cán bộ giúp việc, chuyên gia không đáp ứng yêu cầu" được báo là không có người thực hiện
