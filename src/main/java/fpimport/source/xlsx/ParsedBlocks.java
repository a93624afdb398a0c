package fpimport.source.xlsx;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.util.XMLHelper;

/**
 * A sheet's rows parsed on several threads, handed over in order: one thread inflates the
 * sheet's XML and cuts it into blocks of whole rows ({@link SheetBlocks}), and each block
 * is parsed on its own ({@link SheetXml}) on one of the parser threads. Parsing the XML
 * is most of the cost of reading a large sheet, and one thread can do only so much of it.
 * At most a few blocks wait at once, so memory holds a few megabytes of rows.
 */
final class ParsedBlocks implements AutoCloseable {

	/** The rows of a block, then what stopped its parse, if anything. */
	record Block(List<SheetXml.Row> rows, Throwable failure, boolean last, boolean mergedCells) {
	}

	private static final int PARSERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

	private static final ThreadLocal<XMLInputFactory> FACTORIES = ThreadLocal
		.withInitial(XMLHelper::newXMLInputFactory);

	private final BlockingQueue<Future<Block>> blocks = new ArrayBlockingQueue<>(2 * PARSERS);

	private final ExecutorService parsers;

	private final Thread cutter;

	private volatile boolean closed;

	/**
	 * Starts reading a sheet's XML.
	 * @param blockSize the bytes of rows a block has at least ({@link SheetBlocks})
	 */
	ParsedBlocks(InputStream sheetXml, SheetXml.Workbook workbook, int blockSize) {
		this.parsers = Executors.newFixedThreadPool(PARSERS, (task) -> {
			Thread thread = new Thread(task, "fpimport-xlsx-parser");
			thread.setDaemon(true);
			return thread;
		});
		this.cutter = new Thread(() -> cut(sheetXml, workbook, blockSize), "fpimport-xlsx-blocks");
		this.cutter.setDaemon(true);
		this.cutter.start();
	}

	/** The next block, in the sheet's order. */
	Block next() throws InterruptedException {
		try {
			return this.blocks.take().get();
		}
		catch (ExecutionException ex) {
			// a parse hands its failure over in its block: what else ends one (memory
			// running out) is not the file's fault
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	private void cut(InputStream sheetXml, SheetXml.Workbook workbook, int blockSize) {
		try {
			SheetBlocks cut = new SheetBlocks(sheetXml, blockSize);
			byte[] prolog = cut.prolog();
			byte[] closing = cut.closing();
			for (byte[] rows = cut.next(); rows != null; rows = cut.next()) {
				byte[] block = rows;
				if (!hand(this.parsers.submit(() -> parse(prolog, block, closing, workbook)))) {
					return;
				}
			}
			hand(CompletableFuture.completedFuture(new Block(List.of(), null, true, cut.hasMergedCells())));
		}
		catch (Exception | Error ex) {
			// whatever stops the cutter ends the rows, so that the reader never waits on
			// a block that will not come
			hand(CompletableFuture.completedFuture(new Block(List.of(), ex, true, false)));
		}
	}

	/** Queues a block, waiting for room; false once closed. */
	private boolean hand(Future<Block> block) {
		try {
			while (!this.closed) {
				if (this.blocks.offer(block, 100, TimeUnit.MILLISECONDS)) {
					return true;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return false;
	}

	private static Block parse(byte[] prolog, byte[] rows, byte[] closing, SheetXml.Workbook workbook) {
		List<SheetXml.Row> parsed = new ArrayList<>();
		XMLStreamReader xml = null;
		try {
			InputStream document = new SequenceInputStream(
					Collections.enumeration(List.of(new ByteArrayInputStream(prolog), new ByteArrayInputStream(rows),
							new ByteArrayInputStream(closing))));
			xml = FACTORIES.get().createXMLStreamReader(document);
			SheetXml reader = new SheetXml(xml, workbook);
			for (SheetXml.Row row = reader.next(); row != null; row = reader.next()) {
				parsed.add(row);
			}
			return new Block(parsed, null, false, false);
		}
		catch (XMLStreamException | RuntimeException ex) {
			return new Block(parsed, ex, false, false);
		}
		finally {
			if (xml != null) {
				try {
					xml.close();
				}
				catch (XMLStreamException ex) {
					// read from bytes: nothing to release
				}
			}
		}
	}

	/** Stops reading: the threads end, the blocks not taken are dropped. */
	@Override
	public void close() {
		this.closed = true;
		this.cutter.interrupt();
		this.parsers.shutdownNow();
		try {
			// the sheet's stream is closed after this: the cutter must be done with it
			this.cutter.join(5_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.blocks.clear();
	}

}
