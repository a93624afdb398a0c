package fpimport.translation;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A relation field whose cells name rows ({@code refers_to:}) translates to the names,
 * not to ids: stripped, through {@code values:}, split for a multi relation.
 */
class RowNamesTranslatorTest {

	private static final FieldSettings ALIASED = new FieldSettings(null, Map.of("old-1", "SHOP-1"), null, null,
			Fields.PLAIN.zone());

	@Test
	void aSingleRelationNamesOneRowAsTheCellHasItAfterItsAlias() {
		RowNamesTranslator parent = new RowNamesTranslator("父需求", ALIASED, false);
		assertThat(parent.takesSeveral()).isFalse();
		assertThat(parent.translate(" 10001 ")).isEqualTo(Translation.of("10001"));
		assertThat(parent.translate("OLD-1")).isEqualTo(Translation.of("SHOP-1"));
		// a name is not an id: any text names a row
		assertThat(parent.translate("SHOP-2, SHOP-3")).isEqualTo(Translation.of("SHOP-2, SHOP-3"));
		assertThat(parent.translate(List.of("1", "2")))
			.isEqualTo(Translation.refused("2 values ('1', '2') where one is taken"));
	}

	@Test
	void aMultiRelationNamesEveryRowOnceInOrder() {
		RowNamesTranslator links = new RowNamesTranslator("关联缺陷", ALIASED, true);
		assertThat(links.takesSeveral()).isTrue();
		assertThat(links.translate("BUG-7; old-1, BUG-7")).isEqualTo(Translation.of(List.of("BUG-7", "SHOP-1")));
		assertThat(links.translate(List.of("BUG-8", "BUG-9\nBUG-8")))
			.isEqualTo(Translation.of(List.of("BUG-8", "BUG-9")));
		assertThat(links.translate(" , ").ok()).isFalse();
		RowNamesTranslator barred = new RowNamesTranslator("关联缺陷",
				new FieldSettings("|", Map.of(), null, null, Fields.PLAIN.zone()), true);
		assertThat(barred.translate("A,B|C")).isEqualTo(Translation.of(List.of("A,B", "C")));
	}

}
