package fpimport.watch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import fpimport.failure.FpImportException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleTest {

	@Test
	void intervalLooksAtTheStartAndThenEverySoOften() {
		Schedule schedule = Schedule.every(Duration.ofMinutes(10));
		assertThat(schedule.looksAtStart()).isTrue();
		assertThat(schedule.next(Instant.parse("2026-11-27T01:55:00Z"))).isEqualTo("2026-11-27T02:05:00Z");
		assertThat(schedule).hasToString("every 10m");
	}

	@Test
	void cronLooksAtItsTimesInTheGivenZone() {
		Schedule schedule = Schedule.cron("0 0 2 * * *", ZoneId.of("Asia/Shanghai"));
		assertThat(schedule.looksAtStart()).isFalse();
		// 02:00 in Shanghai is 18:00 UTC the day before
		assertThat(schedule.next(Instant.parse("2026-11-27T01:00:00Z"))).isEqualTo("2026-11-27T18:00:00Z");
		assertThat(schedule.next(Instant.parse("2026-11-27T18:00:00Z"))).isEqualTo("2026-11-28T18:00:00Z");
	}

	@Test
	void wrongCronSaysWhatIsExpected() {
		assertThatThrownBy(() -> Schedule.cron("0 2 * * *", ZoneId.of("UTC"))).isInstanceOf(FpImportException.class)
			.hasMessageContaining("--cron '0 2 * * *'")
			.satisfies((ex) -> assertThat(((FpImportException) ex).hint()).contains("six fields"));
		assertThatThrownBy(() -> Schedule.every(Duration.ZERO)).isInstanceOf(FpImportException.class);
	}

}
