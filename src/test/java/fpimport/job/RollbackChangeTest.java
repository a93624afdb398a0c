package fpimport.job;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import fpimport.api.WorkItemInfo;
import fpimport.result.RowRecord;
import fpimport.result.RowStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When an item counts as changed by someone after the run wrote it. */
class RollbackChangeTest {

	private static final long CREATED = 1_764_600_000_000L;

	@Test
	void anItemNotUpdatedSinceItsCreationIsUnchanged() {
		assertThat(Rollback.change(item(CREATED, CREATED), row(null))).isNull();
		assertThat(Rollback.change(item(CREATED, CREATED), row(Instant.ofEpochMilli(CREATED + 40)))).isNull();
	}

	@Test
	void anUpdateAfterTheRunsLastWriteIsAChange() {
		String reason = Rollback.change(item(CREATED, CREATED + 5_000), row(Instant.ofEpochMilli(CREATED + 40)));

		assertThat(reason).startsWith("changed after the import: updated_at " + Instant.ofEpochMilli(CREATED + 5_000));
		assertThat(Rollback.change(item(CREATED, CREATED + 1), row(null))).isNotNull();
	}

	@Test
	void theRunsOwnLaterWriteIsNoChange() {
		// an update (or after-create step) of the run itself moved updated_at on
		assertThat(Rollback.change(item(CREATED, CREATED + 3_000), row(Instant.ofEpochMilli(CREATED + 3_000))))
			.isNull();
		assertThat(Rollback.change(item(CREATED, CREATED + 3_001), row(Instant.ofEpochMilli(CREATED + 3_000))))
			.isNotNull();
	}

	@Test
	void whatTheServiceDoesNotSayCountsAsAChange() {
		assertThat(Rollback.change(item(CREATED, null), row(Instant.ofEpochMilli(CREATED)))).contains("no updated_at");
		assertThat(Rollback.change(item(null, CREATED), row(null))).contains("neither its creation time");
		assertThat(Rollback.change(item(null, CREATED), row(Instant.ofEpochMilli(CREATED)))).isNull();
	}

	private static WorkItemInfo item(Long createdAt, Long updatedAt) {
		return new WorkItemInfo(6_184_000_001L, "A", "story", "1", "ou_me", createdAt, List.of(), updatedAt);
	}

	private static RowRecord row(Instant lastWriteAt) {
		return new RowRecord(1, 2, "S-1", RowStatus.CREATED, 6_184_000_001L, null, null, List.of(), Map.of(), "k", 1, 1,
				2, null, null, lastWriteAt);
	}

}
