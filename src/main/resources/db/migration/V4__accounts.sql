-- Accounts: customers log in with email and password; staff accounts come from configuration at start.
-- Passwords are stored only as bcrypt hashes. Customers created before accounts existed have none and
-- cannot log in until staff set one.
ALTER TABLE customer ADD COLUMN password_hash varchar(100);

CREATE SEQUENCE staff_account_id_seq INCREMENT BY 50;
CREATE TABLE staff_account (
    id            bigint PRIMARY KEY DEFAULT nextval('staff_account_id_seq'),
    email         varchar(254) NOT NULL,
    password_hash varchar(100) NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    version       bigint NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX staff_account_email_uq ON staff_account (lower(email));

-- Idempotency keys are scoped to their customer ("<customerId>:<key>"), so one customer's key can never
-- replay another customer's order.
ALTER TABLE idempotency_key ALTER COLUMN key TYPE varchar(300);
