package fpimport.translation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A translator that remembers what it made of each text, for the columns whose cells
 * repeat (options, tree paths, people, yes/no, dates): a million rows with four
 * priorities translate four texts. It remembers at most {@value #CAPACITY} texts, and
 * stops looking once more than {@value #TRIES} texts were new and most lookups missed
 * (titles, descriptions, links), so a column of distinct cells costs one lookup per cell
 * for its first rows and nothing after. Translations are immutable and a translator's
 * answer depends on the text alone once the run's people are looked up, so one remembered
 * translation serves every row and thread.
 */
public final class RememberingTranslator implements FieldValueTranslator {

	/** The most texts remembered per field. */
	static final int CAPACITY = 4096;

	/** The new texts seen before deciding whether remembering pays. */
	static final int TRIES = 1000;

	private final FieldValueTranslator translator;

	private final Map<String, Translation> remembered = new ConcurrentHashMap<>();

	/**
	 * Counts for the decision; threads may lose an increment, which only moves the
	 * decision by a row.
	 */
	private int hits;

	private int misses;

	private volatile boolean remembering = true;

	public RememberingTranslator(FieldValueTranslator translator) {
		this.translator = translator;
	}

	@Override
	public Translation translate(String cell) {
		if (!this.remembering) {
			return this.translator.translate(cell);
		}
		Translation known = this.remembered.get(cell);
		if (known != null) {
			this.hits++;
			return known;
		}
		Translation made = this.translator.translate(cell);
		int missed = ++this.misses;
		if (missed > TRIES && missed > this.hits) {
			// the cells rarely repeat: looking them up costs more than it saves
			this.remembering = false;
			this.remembered.clear();
		}
		else if (this.remembered.size() < CAPACITY) {
			this.remembered.put(cell, made);
		}
		return made;
	}

	/** Whether it still remembers: for tests. */
	boolean remembering() {
		return this.remembering;
	}

	@Override
	public Translation translate(List<String> cells) {
		return this.translator.translate(cells);
	}

	@Override
	public boolean takesSeveral() {
		return this.translator.takesSeveral();
	}

	@Override
	public boolean readsShownText() {
		return this.translator.readsShownText();
	}

	@Override
	public DayMonthOrder dayMonthOrder() {
		return this.translator.dayMonthOrder();
	}

	@Override
	public List<String> persons(String cell) {
		return this.translator.persons(cell);
	}

}
