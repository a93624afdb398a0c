package fpimport.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import fpimport.failure.FpImportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A file's and a mapping's fingerprints, as runs store them. */
class FingerprintsTest {

	private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

	@Test
	void aFileAndItsTextHaveTheSameSha256(@TempDir Path dir) throws IOException {
		Path file = Files.writeString(dir.resolve("a.txt"), "abc", StandardCharsets.UTF_8);
		assertThat(Fingerprints.of(file)).isEqualTo(ABC);
		assertThat(Fingerprints.of("abc")).isEqualTo(ABC);
	}

	@Test
	void aFileThatCannotBeReadIsOneClearLine(@TempDir Path dir) {
		assertThatExceptionOfType(FpImportException.class).isThrownBy(() -> Fingerprints.of(dir.resolve("gone.csv")))
			.satisfies((ex) -> assertThat(ex.getMessage()).startsWith(dir.resolve("gone.csv") + ": cannot read: "));
	}

}
