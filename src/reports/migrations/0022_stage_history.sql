-- What 绩效评价 needs to count a stage as it stood at its end.
-- When a product was taken off the catalogue (下架): with listed_at, the span it counted for indicator 7, so a stage
-- still counts a product listed then and delisted later. Products delisted before this column existed take the day
-- from the audit trail, where every 下架 is recorded.
ALTER TABLE products ADD COLUMN delisted_at BIGINT;
UPDATE products SET delisted_at = (
  SELECT MAX(a.at) FROM audit_log a
  WHERE a.action = 'product.delist' AND a.entity_type = 'product' AND a.entity_id = CAST(products.id AS TEXT))
WHERE listed_at IS NOT NULL;
-- Acceptances by their day (indicators 1–3 at a stage's end, and their lists).
CREATE INDEX enterprises_accepted_at ON enterprises (accepted_at) WHERE accepted_at IS NOT NULL;
