package fpimport.mapping;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DraftValuesTest {

	@Test
	void keepsEachValueOnceInItsFirstSpelling() {
		DraftValues values = new DraftValues();
		values.add(List.of("Frontend", " ", "backend"));
		values.add(List.of("frontend ", "ＦＲＯＮＴＥＮＤ", "Data"));

		assertThat(values.values()).containsExactly("Frontend", "backend", "Data");
		assertThat(values.cut()).isFalse();
	}

	@Test
	void keepsAtMostTwoHundredAndSaysWhenMoreWereRead() {
		DraftValues full = new DraftValues();
		full.add(distinct(DraftValues.MAX));
		full.add(List.of("v0", "V1"));
		assertThat(full.values()).hasSize(200).startsWith("v0", "v1").endsWith("v199");
		assertThat(full.cut()).isFalse();

		full.add(List.of("v200", "v201"));
		assertThat(full.values()).hasSize(200).doesNotContain("v200", "v201");
		assertThat(full.cut()).isTrue();
	}

	private static List<String> distinct(int count) {
		List<String> values = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			values.add("v" + i);
		}
		return values;
	}

}
