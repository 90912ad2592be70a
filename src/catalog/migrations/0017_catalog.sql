-- 小快轻准 products (listed after an expert review) and the N+X scenario library per industry: common (N) and
-- individual (X) scenarios, linked to the products that serve them; projects name both in their plans.
CREATE TABLE products (
  id {{ID}},
  provider_id BIGINT NOT NULL,
  name TEXT NOT NULL,
  category TEXT NOT NULL,
  industries TEXT NOT NULL,
  deployment TEXT NOT NULL,
  price_fen BIGINT NOT NULL,
  delivery_days BIGINT NOT NULL,
  description TEXT NOT NULL,
  status TEXT NOT NULL,
  status_note TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  listed_at BIGINT
);
CREATE INDEX products_status ON products (status, category, id);
CREATE INDEX products_provider ON products (provider_id, id);

CREATE TABLE scenarios (
  id {{ID}},
  industry_code TEXT NOT NULL,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  category TEXT NOT NULL,
  description TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (industry_code, name)
);
CREATE TABLE scenario_products (
  scenario_id BIGINT NOT NULL,
  product_id BIGINT NOT NULL,
  PRIMARY KEY (scenario_id, product_id)
){{WITHOUT_ROWID}};

-- Plans name products and scenarios: count their use without scanning every plan.
CREATE INDEX project_products_name ON project_products (name, project_id);
CREATE INDEX project_scenarios_name ON project_scenarios (name, project_id);
