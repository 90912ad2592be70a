-- 一企一策: diagnoses, projects with their lifecycle, versioned plans (方案调整: nothing is overwritten), the plan in
-- force as rows (scenarios, products, budget lines, milestones), contract, costs, experts' supervision, outcome
-- indicators before and after, acceptance materials and the enterprise's rating of its provider.
CREATE TABLE diagnoses (
  id {{ID}},
  enterprise_id BIGINT NOT NULL,
  provider_id BIGINT NOT NULL,
  diagnosed_on TEXT NOT NULL,
  pain_points TEXT NOT NULL,
  recommended_scenarios TEXT NOT NULL,
  cost_fen BIGINT NOT NULL,
  report_document_id BIGINT,
  invoice_document_id BIGINT,
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX diagnoses_enterprise ON diagnoses (enterprise_id, id);
CREATE INDEX diagnoses_provider ON diagnoses (provider_id, id);

CREATE TABLE projects (
  id {{ID}},
  enterprise_id BIGINT NOT NULL,
  district_code TEXT NOT NULL,
  industry_code TEXT NOT NULL,
  name TEXT NOT NULL,
  integrator_id BIGINT NOT NULL,
  state TEXT NOT NULL,
  plan_version BIGINT NOT NULL,
  contract_amount_fen BIGINT,
  catalogue_price_fen BIGINT,
  contract_signed_on TEXT,
  contract_start_on TEXT,
  contract_end_on TEXT,
  contract_document_id BIGINT,
  rating BIGINT,
  rating_comment TEXT,
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  state_changed_at BIGINT NOT NULL
);
CREATE INDEX projects_state ON projects (state, id);
CREATE INDEX projects_district ON projects (district_code, state, id);
CREATE INDEX projects_enterprise ON projects (enterprise_id, id);

CREATE TABLE project_providers (
  project_id BIGINT NOT NULL,
  provider_id BIGINT NOT NULL,
  role TEXT NOT NULL,
  PRIMARY KEY (project_id, provider_id)
){{WITHOUT_ROWID}};
CREATE INDEX project_providers_provider ON project_providers (provider_id, project_id);

CREATE TABLE project_plans (
  project_id BIGINT NOT NULL,
  version BIGINT NOT NULL,
  content_json TEXT NOT NULL,
  state TEXT NOT NULL,
  reason TEXT NOT NULL,
  proposed_by BIGINT NOT NULL,
  proposed_at BIGINT NOT NULL,
  decided_by BIGINT,
  decided_at BIGINT,
  decision_note TEXT,
  PRIMARY KEY (project_id, version)
){{WITHOUT_ROWID}};

CREATE TABLE project_scenarios (
  project_id BIGINT NOT NULL,
  seq BIGINT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  PRIMARY KEY (project_id, seq)
){{WITHOUT_ROWID}};
CREATE TABLE project_products (
  project_id BIGINT NOT NULL,
  seq BIGINT NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (project_id, seq)
){{WITHOUT_ROWID}};
CREATE TABLE project_budget_lines (
  project_id BIGINT NOT NULL,
  seq BIGINT NOT NULL,
  item TEXT NOT NULL,
  amount_fen BIGINT NOT NULL,
  PRIMARY KEY (project_id, seq)
){{WITHOUT_ROWID}};
CREATE TABLE milestones (
  id {{ID}},
  project_id BIGINT NOT NULL,
  seq BIGINT NOT NULL,
  name TEXT NOT NULL,
  due_on TEXT NOT NULL,
  deliverable TEXT NOT NULL,
  done_on TEXT,
  evidence_document_id BIGINT
);
CREATE INDEX milestones_project ON milestones (project_id, seq);
-- Open milestones by due day: the overdue list and reminders read this without scanning projects.
CREATE INDEX milestones_open ON milestones (done_on, due_on, project_id);

CREATE TABLE project_costs (
  id {{ID}},
  project_id BIGINT NOT NULL,
  item TEXT NOT NULL,
  amount_fen BIGINT NOT NULL,
  incurred_on TEXT NOT NULL,
  provider_id BIGINT,
  invoice_document_id BIGINT NOT NULL,
  payment_document_id BIGINT,
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX project_costs_project ON project_costs (project_id, id);

CREATE TABLE project_events (
  id {{ID}},
  project_id BIGINT NOT NULL,
  action TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  actor_id BIGINT,
  actor_name TEXT NOT NULL,
  reason TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX project_events_project ON project_events (project_id, id);

CREATE TABLE project_experts (
  project_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  duty TEXT NOT NULL,
  assigned_by BIGINT NOT NULL,
  assigned_at BIGINT NOT NULL,
  PRIMARY KEY (project_id, user_id, duty)
){{WITHOUT_ROWID}};
CREATE INDEX project_experts_user ON project_experts (user_id, project_id);

CREATE TABLE supervision_visits (
  id {{ID}},
  project_id BIGINT NOT NULL,
  expert_user_id BIGINT NOT NULL,
  visited_on TEXT NOT NULL,
  findings TEXT NOT NULL,
  rectification_due_on TEXT,
  rectified_on TEXT,
  rectification_note TEXT,
  created_at BIGINT NOT NULL
);
CREATE INDEX supervision_project ON supervision_visits (project_id, id);

CREATE TABLE project_outcomes (
  project_id BIGINT NOT NULL,
  indicator TEXT NOT NULL,
  before_milli BIGINT,
  after_milli BIGINT,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (project_id, indicator)
){{WITHOUT_ROWID}};

CREATE TABLE project_materials (
  project_id BIGINT NOT NULL,
  material TEXT NOT NULL,
  document_id BIGINT NOT NULL,
  added_by BIGINT NOT NULL,
  added_at BIGINT NOT NULL,
  PRIMARY KEY (project_id, material, document_id)
){{WITHOUT_ROWID}};

-- The pipeline funnel kept on write: projects per district × industry × state.
CREATE TABLE project_counts (
  district_code TEXT NOT NULL,
  industry_code TEXT NOT NULL,
  state TEXT NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (district_code, industry_code, state)
){{WITHOUT_ROWID}};
