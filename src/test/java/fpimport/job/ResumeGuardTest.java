package fpimport.job;

import java.time.LocalDateTime;

import fpimport.failure.FpImportException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Resume refuses a run that may still be running in another process of a shared database.
 */
class ResumeGuardTest {

	private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 27, 10, 0);

	@Test
	void aRecentCheckpointOnASharedDatabaseMayBeAnotherProcessAtWork() {
		assertThatThrownBy(() -> RunPreconditions.notRunningElsewhere(7, "jdbc:postgresql://127.0.0.1/fp",
				NOW.minusSeconds(30), NOW))
			.isInstanceOf(FpImportException.class)
			.hasMessage("run 7 may still be running in another process: its last checkpoint was 30 s ago")
			.extracting((ex) -> ((FpImportException) ex).hint())
			.isEqualTo("wait for it to end; if that process is gone, run 'fpimport resume 7 --force'");
		assertThatThrownBy(
				() -> RunPreconditions.notRunningElsewhere(7, "jdbc:h2:tcp://127.0.0.1/fp", NOW.minusMinutes(9), NOW))
			.isInstanceOf(FpImportException.class);
		assertThatThrownBy(() -> RunPreconditions.notRunningElsewhere(7, "jdbc:h2:file:/x;AUTO_SERVER=TRUE",
				NOW.minusMinutes(1), NOW))
			.isInstanceOf(FpImportException.class);
	}

	@Test
	void anOldCheckpointOrAnEmbeddedH2FileIsNoOtherProcess() {
		assertThatCode(() -> RunPreconditions.notRunningElsewhere(7, "jdbc:postgresql://127.0.0.1/fp",
				NOW.minusMinutes(11), NOW))
			.doesNotThrowAnyException();
		assertThatCode(() -> RunPreconditions.notRunningElsewhere(7, "jdbc:h2:file:/x;WRITE_DELAY=0",
				NOW.minusSeconds(1), NOW))
			.doesNotThrowAnyException();
		assertThatCode(() -> RunPreconditions.notRunningElsewhere(7, "jdbc:postgresql://127.0.0.1/fp", null, NOW))
			.doesNotThrowAnyException();
	}

}
