package io.authorworks.lib.storyai;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * Collects streamed deltas, and counts down a latch on the first one so a test can cancel
 * mid-stream.
 */
public final class RecordingSink implements TokenSink {

	public final List<String> deltas = new CopyOnWriteArrayList<>();

	public final CountDownLatch firstDelta = new CountDownLatch(1);

	public int restarts;

	@Override
	public void onText(String delta) {
		this.deltas.add(delta);
		this.firstDelta.countDown();
	}

	@Override
	public void onRestart() {
		this.restarts++;
		this.deltas.clear();
	}

	public String text() {
		return String.join("", this.deltas);
	}

}
