-- Response-time targets per department and priority. A department without a row for a priority
-- has the priority's default (Priority: HIGH 1 h — complaints; NORMAL 4 h — questions; LOW 24 h —
-- praise and the rest), so a workspace that configures nothing keeps the targets it had.
CREATE TABLE response_target (
    department_id  BIGINT NOT NULL,
    priority       VARCHAR(20) NOT NULL,
    target_minutes INT NOT NULL,
    PRIMARY KEY (department_id, priority)
);

-- When a department works: in its time zone (IANA), on its working days (ISO numbers, 1 = Monday),
-- from opening to closing (closing at 00:00 = midnight at the end of the day), except on its
-- holidays (ISO dates, space-separated). Without a row: around the clock, every day.
CREATE TABLE business_hours (
    department_id BIGINT NOT NULL PRIMARY KEY,
    time_zone     VARCHAR(60) NOT NULL,
    days          VARCHAR(20) NOT NULL,
    opens         TIME NOT NULL,
    closes        TIME NOT NULL,
    holidays      VARCHAR(4400) NOT NULL DEFAULT ''
);
