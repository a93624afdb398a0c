package fpimport.job;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JobDatabaseTest {

	@Test
	void h2FileDatabasesGetDurableCommitsASmallerCacheAndAbsolutePaths() {
		assertThat(JobDatabase.url("jdbc:h2:file:/data/fp"))
			.isEqualTo("jdbc:h2:file:/data/fp;WRITE_DELAY=0;CACHE_SIZE=4096");
		assertThat(JobDatabase.url("jdbc:h2:file:data/fp;AUTO_SERVER=TRUE")).isEqualTo("jdbc:h2:file:"
				+ Path.of("data/fp").toAbsolutePath() + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;CACHE_SIZE=4096");
		// the user's own settings win
		assertThat(JobDatabase.url("jdbc:h2:file:~/fp;write_delay=100;cache_size=65536"))
			.isEqualTo("jdbc:h2:file:~/fp;write_delay=100;cache_size=65536");
		// a server's cache is the server's
		assertThat(JobDatabase.url("jdbc:h2:tcp://127.0.0.1/~/fp"))
			.isEqualTo("jdbc:h2:tcp://127.0.0.1/~/fp;WRITE_DELAY=0");
		assertThat(JobDatabase.url("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
		assertThat(JobDatabase.url("jdbc:postgresql://127.0.0.1/fp")).isEqualTo("jdbc:postgresql://127.0.0.1/fp");
	}

	@Test
	void defaultIsAFileUnderTheHomeDirectory() {
		assertThat(JobDatabase.url(null)).isEqualTo("jdbc:h2:file:"
				+ Path.of(System.getProperty("user.home"), ".fpimport", "fpimport") + ";WRITE_DELAY=0;CACHE_SIZE=4096");
	}

	@Test
	void passwordsNeverReachAMessage() {
		assertThat(JobDatabase.withoutSecrets("jdbc:postgresql://h/db?user=a&password=s3cret&x=1"))
			.isEqualTo("jdbc:postgresql://h/db?user=a&password=******&x=1");
	}

}
