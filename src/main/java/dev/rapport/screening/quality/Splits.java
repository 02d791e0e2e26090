package dev.rapport.screening.quality;

import dev.rapport.screening.Category;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The texts of the policy data with their labels and their role, exactly as the classifier's
 * training code splits them ({@code dev.rapport.screening.model.Datasets}, read reflectively: it is
 * package-private and the split must be the one the shipped model was trained with, not a copy that
 * could drift). A text whose role is {@code TEST} was never trained or tuned on.
 */
final class Splits {

    /** Labels: 1, 0, or -1 (missing) per head. */
    record Sample(String text, String source, String role, Category[] heads, byte[] labels) {

        /** The label of a category, or -1 when the data says nothing about it. */
        int label(Category category) {
            for (int i = 0; i < heads.length; i++) {
                if (heads[i] == category) {
                    return labels[i];
                }
            }
            return -1;
        }

        /** Offensive in any way the data labels. */
        boolean positive() {
            for (byte label : labels) {
                if (label == 1) {
                    return true;
                }
            }
            return false;
        }

        /** The data set: cold, swsr, edos, davidson. */
        String set() {
            int dash = source.indexOf('-');
            return dash < 0 ? source : source.substring(0, dash);
        }
    }

    private Splits() {}

    /** All samples of one language: {@code chinese} or {@code english}. */
    static List<Sample> load(String language, Path root) {
        try {
            Class<?> datasets = Class.forName("dev.rapport.screening.model.Datasets");
            Method of = datasets.getDeclaredMethod(language, Path.class);
            of.setAccessible(true);
            Object data = of.invoke(null, root);
            Method headsOf = data.getClass().getDeclaredMethod("heads");
            Method samplesOf = data.getClass().getDeclaredMethod("samples");
            headsOf.setAccessible(true);
            samplesOf.setAccessible(true);
            Category[] heads = (Category[]) headsOf.invoke(data);
            List<?> samples = (List<?>) samplesOf.invoke(data);
            List<Sample> out = new ArrayList<>(samples.size());
            Method text = null;
            Method source = null;
            Method role = null;
            Method labels = null;
            for (Object sample : samples) {
                if (text == null) {
                    Class<?> type = sample.getClass();
                    text = accessible(type, "text");
                    source = accessible(type, "source");
                    role = accessible(type, "role");
                    labels = accessible(type, "labels");
                }
                out.add(new Sample(
                        (String) text.invoke(sample),
                        (String) source.invoke(sample),
                        String.valueOf(role.invoke(sample)),
                        heads,
                        (byte[]) labels.invoke(sample)));
            }
            return out;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "cannot read the classifier's data splits (dev.rapport.screening.model.Datasets." + language
                            + "): has its shape changed?",
                    e);
        }
    }

    private static Method accessible(Class<?> type, String name) throws NoSuchMethodException {
        Method method = type.getDeclaredMethod(name);
        method.setAccessible(true);
        return method;
    }
}
