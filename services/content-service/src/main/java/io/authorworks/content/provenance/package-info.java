/**
 * Provenance of generated text: which passages of a chapter an AI wrote, with the job,
 * step, provider and model behind each.
 */
@NullMarked
package io.authorworks.content.provenance;

import org.jspecify.annotations.NullMarked;
