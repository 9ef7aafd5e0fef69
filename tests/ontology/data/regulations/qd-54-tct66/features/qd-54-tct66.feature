# language: vi
# Kịch bản kiểm tra mô hình của qd-54-tct66: mỗi câu quy phạm một kịch bản,
# gắn thẻ mã câu (ví dụ @art_1__p_1__sent_1) và trích nguyên văn câu đó.
Tính năng: TỔNG CỤC THUẾ
