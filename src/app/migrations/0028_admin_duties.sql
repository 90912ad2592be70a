-- 三员分立 (等保2.0 三级): the roles of the system, security and audit administrators.

-- user_roles' CHECK names the roles: the table is rebuilt with the three new ones (SQLite cannot alter a CHECK).
CREATE TABLE user_roles_next (
  user_id BIGINT NOT NULL REFERENCES users(id),
  role TEXT NOT NULL CHECK (role IN ('city_admin', 'district_officer', 'enterprise', 'provider', 'expert', 'bank',
                                     'system_admin', 'security_admin', 'audit_admin')),
  PRIMARY KEY (user_id, role)
);
INSERT INTO user_roles_next (user_id, role) SELECT user_id, role FROM user_roles;
DROP TABLE user_roles;
ALTER TABLE user_roles_next RENAME TO user_roles;
