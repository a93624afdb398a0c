-- the steps after a row's create (state moves, abort, comments, files), each recorded before and
-- after its call; portable between H2 and PostgreSQL
CREATE TABLE IF NOT EXISTS FPI_ROW_STEP (
	RUN_ID BIGINT NOT NULL,
	ROW_NO BIGINT NOT NULL,
	STEP_NO INTEGER NOT NULL,
	KIND VARCHAR(16) NOT NULL,
	WHAT VARCHAR(1000) NOT NULL,
	STATUS VARCHAR(16) NOT NULL,
	ERR_CODE INTEGER,
	ERR_MSG VARCHAR(4000),
	UPDATED_AT TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (RUN_ID, ROW_NO, STEP_NO)
);

-- what each relation field naming rows (refers_to) was set to: the names the cells gave and the ids
-- they stood for, written once the create or the link that sent them was answered
CREATE TABLE IF NOT EXISTS FPI_ROW_REF (
	RUN_ID BIGINT NOT NULL,
	ROW_NO BIGINT NOT NULL,
	FIELD_KEY VARCHAR(255) NOT NULL,
	FIELD_NAME VARCHAR(255) NOT NULL,
	TYPE_KEY VARCHAR(255) NOT NULL,
	NAMES VARCHAR(4000) NOT NULL,
	ITEM_IDS VARCHAR(4000) NOT NULL,
	PRIMARY KEY (RUN_ID, ROW_NO, FIELD_KEY)
);
