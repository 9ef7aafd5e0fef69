# language: vi
# Kịch bản kiểm tra mô hình của ha-noi-bcd: mỗi câu quy phạm một kịch bản,
# gắn thẻ mã câu (ví dụ @para_1__sent_1) và trích nguyên văn câu đó.
Tính năng: Hà Nội lập Ban chỉ đạo chuyển đổi số của thành phố
