package fpimport.translation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import fpimport.metadata.FieldDefinition;
import org.junit.jupiter.api.Test;

import static fpimport.translation.Fields.field;
import static fpimport.translation.Fields.option;
import static fpimport.translation.Fields.translator;
import static org.assertj.core.api.Assertions.assertThat;

/** A translator that remembers the texts a column repeats. */
class RememberingTranslatorTest {

	private static final FieldDefinition PRIORITY = field("priority", "优先级", "select", option("P0", "opt_p0"),
			option("P1", "opt_p1"));

	/** The real priority translator, counting the texts it is asked. */
	private static final class Counting implements FieldValueTranslator {

		final AtomicInteger asked = new AtomicInteger();

		final FieldValueTranslator real = translator(PRIORITY);

		@Override
		public Translation translate(String cell) {
			this.asked.incrementAndGet();
			return this.real.translate(cell);
		}

	}

	@Test
	void aRepeatedTextIsTranslatedOnceProblemsIncluded() {
		Counting counting = new Counting();
		RememberingTranslator priority = new RememberingTranslator(counting);
		for (int row = 0; row < 10_000; row++) {
			String cell = List.of("P0", "P1", "P9").get(row % 3);
			assertThat(priority.translate(cell)).isEqualTo(counting.real.translate(cell));
		}
		assertThat(counting.asked).hasValue(3);
		assertThat(priority.translate("P9").ok()).isFalse();
		assertThat(priority.remembering()).isTrue();
	}

	@Test
	void cellsThatRarelyRepeatAreNoLongerLookedUp() {
		AtomicInteger asked = new AtomicInteger();
		RememberingTranslator title = new RememberingTranslator((cell) -> {
			asked.incrementAndGet();
			return Translation.of(cell);
		});
		for (int row = 0; row < RememberingTranslator.TRIES; row++) {
			assertThat(title.translate("标题 " + row)).isEqualTo(Translation.of("标题 " + row));
		}
		assertThat(title.remembering()).as("not yet decided").isTrue();
		assertThat(title.translate("标题 0")).isEqualTo(Translation.of("标题 0"));
		assertThat(asked).as("remembered so far").hasValue(RememberingTranslator.TRIES);
		title.translate("标题 new");
		assertThat(title.remembering()).isFalse();
		title.translate("标题 0");
		assertThat(asked).as("asked again once it stopped").hasValue(RememberingTranslator.TRIES + 2);
	}

	@Test
	void aColumnOfRepeatsKeepsRememberingUpToItsCapacity() {
		AtomicInteger asked = new AtomicInteger();
		RememberingTranslator dates = new RememberingTranslator((cell) -> {
			asked.incrementAndGet();
			return Translation.of(cell.length());
		});
		for (int round = 0; round < 3; round++) {
			for (int day = 0; day < 500; day++) {
				dates.translate("day " + day);
			}
		}
		assertThat(asked).as("500 days, each asked once").hasValue(500);
		int distinct = RememberingTranslator.CAPACITY + 100;
		for (int day = 0; day < distinct; day++) {
			// each new text among repeats: remembering pays
			dates.translate("day " + day);
			dates.translate("day 0");
			dates.translate("day 1");
		}
		assertThat(dates.remembering()).isTrue();
		asked.set(0);
		for (int day = 0; day < distinct; day++) {
			dates.translate("day " + day);
		}
		assertThat(asked).as("only the texts beyond its capacity are asked again").hasValue(100);
	}

	@Test
	void everythingButOneTextIsTheTranslatorsOwn() {
		FieldDefinition planned = field("planned_date", "计划日期", "date");
		FieldValueTranslator real = translator(planned);
		RememberingTranslator date = new RememberingTranslator(real);
		assertThat(date.dayMonthOrder()).isNotNull().isSameAs(real.dayMonthOrder());
		assertThat(date.readsShownText()).isEqualTo(real.readsShownText()).isFalse();
		assertThat(date.takesSeveral()).isFalse();
		FieldValueTranslator text = translator(field("description", "描述", "multi_text"));
		RememberingTranslator remembered = new RememberingTranslator(text);
		assertThat(remembered.readsShownText()).isTrue();
		assertThat(remembered.takesSeveral()).isTrue();
		assertThat(remembered.translate(List.of("a", "b"))).isEqualTo(text.translate(List.of("a", "b")));
		List<String> persons = new ArrayList<>(new RememberingTranslator(new FieldValueTranslator() {
			@Override
			public Translation translate(String cell) {
				return Translation.of(cell);
			}

			@Override
			public List<String> persons(String cell) {
				return List.of(cell, cell + "@example.com");
			}
		}).persons("li.na"));
		assertThat(persons).containsExactly("li.na", "li.na@example.com");
	}

}
