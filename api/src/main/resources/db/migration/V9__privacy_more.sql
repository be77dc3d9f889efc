-- GDPR, continued: consent-bound device identifiers and one open request per subject and type.

-- A transaction's device identifier is kept only while the customer consents to device
-- fingerprinting (ConsentPurpose.DEVICE_FINGERPRINTING); without it the column stays empty.
alter table transactions alter column channel_device_id drop not null;

-- At most one open request of each type per data subject, even with several API instances.
create unique index uq_data_subject_requests_open on data_subject_requests (subject_id, type)
    where status in ('AWAITING_APPROVAL', 'RECEIVED', 'RUNNING');

-- The claimer looks for requests to start and for running ones whose execution died.
create index idx_data_subject_requests_status on data_subject_requests (status, received_at);
