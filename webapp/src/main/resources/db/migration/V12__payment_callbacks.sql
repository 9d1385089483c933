-- motcua's own reference of each online payment, drawn at random so that nobody can guess another payer's: the
-- gateway's callbacks must repeat it. Payments opened before it have none (their callbacks repeat the receipt code).
alter table fee_payment add column merchant_reference varchar(40);
create unique index fee_payment_merchant_reference on fee_payment (merchant_reference);

-- Every callback of the payment gateway motcua accepted, by the gateway's unique id for it, kept: a callback sent
-- again (a replay) is refused, and the record shows what the gateway said and when.
create table payment_callback (
  callback_id  varchar(64)  primary key,
  payment_id   varchar(40)  not null,
  status       varchar(20)  not null,
  sent_at      timestamp(6) with time zone not null,
  received_at  timestamp(6) with time zone not null
);
create index payment_callback_payment on payment_callback (payment_id, received_at);
