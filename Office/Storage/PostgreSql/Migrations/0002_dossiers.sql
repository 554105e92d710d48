-- Dossiers of every commune. The record (history included) is kept whole as jsonb; the columns beside it are what
-- lookups and statistics read, written from the record with every save, so statistics are SQL over indexed columns.
create table dossiers (
    commune      text not null,
    code         text not null,
    owner_key    text,                -- the filing chat's key (channel in lower case, '|', user id), null from the desk
    procedure_id text not null,
    village      text not null,
    status       text not null,
    online       boolean not null,
    created_at   timestamptz not null,
    received_on  date,                -- local day received
    resolved_on  date,                -- local day the result was first ready or returned
    on_time      boolean,             -- resolved by its due date (or no time limit)
    due_date     date,
    changes      integer not null,    -- steps in the history: a save is checked against the count it read
    record       jsonb not null,
    primary key (commune, code)
);
create index dossiers_owner on dossiers (commune, owner_key) where owner_key is not null;
create index dossiers_received on dossiers (commune, received_on) include (online, procedure_id, village) where received_on is not null;
create index dossiers_resolved on dossiers (commune, resolved_on) include (on_time, procedure_id, village) where resolved_on is not null;

-- The stretches of days each dossier was open at a day's end, for the open and overdue counts of any past day.
create table dossier_open_days (
    commune      text not null,
    code         text not null,
    opened_on    date not null,
    closed_on    date,
    overdue_from date,
    foreign key (commune, code) references dossiers on delete cascade
);
create index dossier_open_days_by_day on dossier_open_days (commune, opened_on) include (closed_on, overdue_from);
create index dossier_open_days_by_dossier on dossier_open_days (commune, code);

-- The last number given out per commune and local day.
create table dossier_counters (
    commune text not null,
    day     date not null,
    last    integer not null,
    primary key (commune, day)
);

-- One intent to file from a chat (a hash of the chat, the day and the draft) and the dossier it filed.
create table dossier_filings (
    id      text primary key,
    commune text not null,
    code    text not null,
    at      timestamptz not null
);

-- Staff actions, written in the same transaction as the change they describe.
create table staff_audit (
    id      bigint generated always as identity primary key,
    commune text not null,
    at      timestamptz not null,
    staff   text not null,
    action  text not null,
    target  text,
    targets text[],
    details text
);
create index staff_audit_target on staff_audit (commune, target) where target is not null;
create index staff_audit_targets on staff_audit using gin (targets);
create index staff_audit_staff on staff_audit (commune, staff, id);
