/**
 * The per-language statistical classifier of the screen: hashed character and word n-gram
 * features, one logistic head per {@link dev.rapport.screening.Category} a language's training data
 * covers, trained by {@link dev.rapport.screening.model.Train} and shipped as a compact resource
 * (int8 weights) that {@link dev.rapport.screening.model.TextClassifier} loads once.
 */
@NullMarked
package dev.rapport.screening.model;

import org.jspecify.annotations.NullMarked;
