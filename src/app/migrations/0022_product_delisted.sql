-- When a product was taken off the catalogue (下架): with listed_at, the span it counted for indicator 7, so a stage's
-- 绩效评价 still counts a product listed then and delisted later.
ALTER TABLE products ADD COLUMN delisted_at BIGINT;
