package fpimport.mapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import fpimport.failure.FpImportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Every command reads a mapping file the same way. */
class MappingFileTest {

	@TempDir
	Path dir;

	@Test
	void aMappingFileGivesItsTextAndItsSpec() throws IOException {
		String text = "type: story\nfields: {description: 描述}\n";
		Path file = Files.writeString(this.dir.resolve("m.yaml"), text, StandardCharsets.UTF_8);
		MappingFile read = MappingFile.read(file);
		assertThat(read.path()).isEqualTo(file);
		assertThat(read.text()).isEqualTo(text);
		assertThat(read.spec().type()).isEqualTo("story");
		assertThat(MappingLoader.load(file)).isEqualTo(read.spec());
	}

	@Test
	void aMissingFileSaysHowToWriteOne() {
		Path file = this.dir.resolve("none.yaml");
		assertThatExceptionOfType(FpImportException.class).isThrownBy(() -> MappingFile.read(file))
			.satisfies((ex) -> assertThat(ex.getMessage()).isEqualTo(file + ": no such mapping file"))
			.satisfies((ex) -> assertThat(ex.hint())
				.isEqualTo("'fpimport init-mapping FILE --type T' writes a starting mapping"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(FpImportException.Reason.INVALID_INPUT));
	}

	@Test
	void aFileInAnotherEncodingIsNotUtf8Text() throws IOException {
		Path file = Files.write(this.dir.resolve("gbk.yaml"), "type: 需求\n".getBytes("GBK"));
		assertThatExceptionOfType(FpImportException.class).isThrownBy(() -> MappingFile.read(file))
			.satisfies((ex) -> assertThat(ex.getMessage()).isEqualTo(file + ": not UTF-8 text"))
			.satisfies((ex) -> assertThat(ex.hint()).isEqualTo("save it as UTF-8"));
	}

	@Test
	void aDirectoryCannotBeRead() {
		assertThatExceptionOfType(FpImportException.class).isThrownBy(() -> MappingFile.read(this.dir))
			.satisfies((ex) -> assertThat(ex.getMessage()).startsWith(this.dir + ": cannot read: "))
			.satisfies((ex) -> assertThat(ex.hint()).isEqualTo("check the file's permissions"));
	}

	@Test
	void aBrokenMappingNamesItsFile() throws IOException {
		Path file = Files.writeString(this.dir.resolve("broken.yaml"), "fields: {}\n", StandardCharsets.UTF_8);
		assertThatExceptionOfType(InvalidMappingException.class).isThrownBy(() -> MappingFile.read(file))
			.satisfies((ex) -> assertThat(ex.getMessage()).startsWith("mapping broken.yaml has "));
	}

}
