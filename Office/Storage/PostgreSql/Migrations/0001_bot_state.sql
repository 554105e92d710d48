-- Bot Framework state (conversation and user state): one row a key; the eTag changes whenever the content does.
create table bot_state (
    key        text primary key,
    json       text not null,
    etag       text,
    updated_at timestamptz not null default now()
);

-- Writes one key of a state batch: a null json deletes it. A stale expected eTag raises SQLSTATE OS409; the batch's
-- statements share one implicit transaction, so one stale key leaves every key of the batch as it was.
create function bot_state_write(p_key text, p_json text, p_etag text, p_expected text) returns text
language plpgsql as $$
declare
    written text;
begin
    if p_json is null then
        delete from bot_state where key = p_key;
        return null;
    end if;
    insert into bot_state as s (key, json, etag) values (p_key, p_json, p_etag)
    on conflict (key) do update
        set json = excluded.json,
            etag = case when s.json = excluded.json then s.etag else excluded.etag end,
            updated_at = case when s.json = excluded.json then s.updated_at else now() end
        where p_expected is null or s.etag is null or s.etag = p_expected
    returning etag into written;
    if not found then
        raise exception 'Etag conflict' using errcode = 'OS409', detail = p_key;
    end if;
    return written;
end $$;
