package fpimport.result;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps after each row's create ({@code FPI_ROW_STEP}), recorded like creates: the
 * intent before the call and the outcome after it, each write in a transaction of its
 * own; and what the relation fields naming rows were set to ({@code FPI_ROW_REF}).
 */
public final class StepStore {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate ownTransaction;

	StepStore(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.ownTransaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	static void createSchema(DataSource dataSource) {
		SchemaScript.apply(dataSource, "fpimport/schema-steps.sql");
	}

	/** Writes a step as it stands now, replacing what was stored for it. */
	public void save(StepRecord step) {
		this.ownTransaction.executeWithoutResult((status) -> {
			OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
			int updated = this.jdbc.update(
					"UPDATE FPI_ROW_STEP SET KIND = ?, WHAT = ?, STATUS = ?, ERR_CODE = ?, ERR_MSG = ?, UPDATED_AT = ? "
							+ "WHERE RUN_ID = ? AND ROW_NO = ? AND STEP_NO = ?",
					step.kind(), step.what(), step.status().name(), step.errCode(), cut(step.errMsg()), now,
					step.runId(), step.rowNumber(), step.stepNumber());
			if (updated == 0) {
				this.jdbc.update(
						"INSERT INTO FPI_ROW_STEP (RUN_ID, ROW_NO, STEP_NO, KIND, WHAT, STATUS, ERR_CODE, ERR_MSG, "
								+ "UPDATED_AT) VALUES (?,?,?,?,?,?,?,?,?)",
						step.runId(), step.rowNumber(), step.stepNumber(), step.kind(), step.what(),
						step.status().name(), step.errCode(), cut(step.errMsg()), now);
			}
		});
	}

	/** The steps of one row, in order. */
	public List<StepRecord> steps(long runId, long rowNumber) {
		return this.jdbc.query(
				"SELECT RUN_ID, ROW_NO, STEP_NO, KIND, WHAT, STATUS, ERR_CODE, ERR_MSG FROM FPI_ROW_STEP "
						+ "WHERE RUN_ID = ? AND ROW_NO = ? ORDER BY STEP_NO",
				(rs, i) -> new StepRecord(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5),
						StepRecord.Status.valueOf(rs.getString(6)), rs.getObject(7, Integer.class), rs.getString(8)),
				runId, rowNumber);
	}

	/** Every step of a run, row by row. */
	public List<StepRecord> steps(long runId) {
		return this.jdbc.query(
				"SELECT RUN_ID, ROW_NO, STEP_NO, KIND, WHAT, STATUS, ERR_CODE, ERR_MSG FROM FPI_ROW_STEP "
						+ "WHERE RUN_ID = ? ORDER BY ROW_NO, STEP_NO",
				(rs, i) -> new StepRecord(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5),
						StepRecord.Status.valueOf(rs.getString(6)), rs.getObject(7, Integer.class), rs.getString(8)),
				runId);
	}

	/**
	 * Records what a relation field naming rows was set to, replacing what was stored for
	 * that row and field.
	 */
	public void saveReference(SetReference reference) {
		this.ownTransaction.executeWithoutResult((status) -> {
			this.jdbc.update("DELETE FROM FPI_ROW_REF WHERE RUN_ID = ? AND ROW_NO = ? AND FIELD_KEY = ?",
					reference.runId(), reference.rowNumber(), reference.fieldKey());
			this.jdbc.update(
					"INSERT INTO FPI_ROW_REF (RUN_ID, ROW_NO, FIELD_KEY, FIELD_NAME, TYPE_KEY, NAMES, ITEM_IDS) "
							+ "VALUES (?,?,?,?,?,?,?)",
					reference.runId(), reference.rowNumber(), reference.fieldKey(), reference.fieldName(),
					reference.typeKey(), cut(String.join("\n", reference.names())),
					cut(String.join(",", reference.itemIds().stream().map(String::valueOf).toList())));
		});
	}

	/** What the relation fields naming rows of a run were set to, row by row. */
	public List<SetReference> references(long runId) {
		return this.jdbc.query(
				"SELECT RUN_ID, ROW_NO, FIELD_KEY, FIELD_NAME, TYPE_KEY, NAMES, ITEM_IDS FROM FPI_ROW_REF "
						+ "WHERE RUN_ID = ? " + "ORDER BY ROW_NO, FIELD_KEY",
				(rs, i) -> new SetReference(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
						rs.getString(5), List.of(rs.getString(6).split("\n", -1)),
						rs.getString(7).isEmpty() ? List.of()
								: java.util.Arrays.stream(rs.getString(7).split(",")).map(Long::valueOf).toList()),
				runId);
	}

	private static String cut(String text) {
		return (text == null || text.length() <= 4000) ? text : text.substring(0, 3999) + "…";
	}

}
