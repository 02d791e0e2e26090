package dev.rapport.screening.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.screening.Category;
import dev.rapport.screening.model.Datasets.Role;
import dev.rapport.screening.model.Datasets.Sample;
import dev.rapport.screening.text.Language;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainTests {

    private static final Trainer.Params SMALL =
            new Trainer.Params(16, 3, 0.2f, 1e-6f, true, 1f, 0.9999f, 0.5f, 20_260_101L);

    private static byte[] bytes(LinearModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.write(out);
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** A handful of made-up texts, so the test needs no data folder. */
    private static Datasets.Data synthetic() {
        List<Sample> samples = new ArrayList<>();
        String[] bad = {"you are a stupid idiot", "shut up you moron", "what an idiot, go away", "stupid moron loser"};
        String[] good = {
            "thanks for coming to our event", "new colours are in store", "see you on friday", "happy new year to all"
        };
        for (int copy = 0; copy < 5; copy++) {
            for (String text : bad) {
                samples.add(
                        new Sample(text + " " + copy, "synthetic", copy == 4 ? Role.TUNE : Role.TRAIN, new byte[] {1}));
            }
            for (String text : good) {
                samples.add(
                        new Sample(text + " " + copy, "synthetic", copy == 4 ? Role.TUNE : Role.TRAIN, new byte[] {0}));
            }
        }
        return new Datasets.Data(Language.EN, new Category[] {Category.OFFENSIVE}, samples);
    }

    @Test
    void trainingIsReproducibleBitForBit() throws Exception {
        byte[] first = bytes(
                Trainer.train(synthetic(), SMALL, SimpleNormalizer.INSTANCE).model());
        byte[] second = bytes(
                Trainer.train(synthetic(), SMALL, SimpleNormalizer.INSTANCE).model());
        assertThat(second).isEqualTo(first);
        // recorded: changes only when the features, the training or the model format change on purpose
        assertThat(sha256(first))
                .isEqualTo(Files.readString(Path.of("src/test/resources/screening/synthetic-model.sha256"))
                        .strip());
    }

    @Test
    void aTrainedModelSeparatesItsTrainingTextsAndRoundTrips() throws Exception {
        LinearModel model =
                Trainer.train(synthetic(), SMALL, SimpleNormalizer.INSTANCE).model();
        LinearModel read = LinearModel.read(new ByteArrayInputStream(bytes(model)));
        TextClassifier classifier =
                new TextClassifier(java.util.Map.of(Language.EN, read, Language.ZH, read), SimpleNormalizer.INSTANCE);
        assertThat(classifier.scores("you stupid idiot", Language.EN)[Category.OFFENSIVE.ordinal()])
                .isGreaterThan(0.5f);
        assertThat(classifier.scores("thanks for coming to our event", Language.EN)[Category.OFFENSIVE.ordinal()])
                .isLessThan(0.5f);
    }

    @Test
    void refittingOnTrainingAndTuningTextsKeepsTheThresholdsAndIsReproducible() throws Exception {
        Trainer.Result once = Trainer.train(synthetic(), SMALL, SimpleNormalizer.INSTANCE, false);
        Trainer.Result refit = Trainer.train(synthetic(), SMALL, SimpleNormalizer.INSTANCE, true);
        Trainer.Result again = Trainer.train(synthetic(), SMALL, SimpleNormalizer.INSTANCE, true);
        assertThat(refit.thresholds()).containsExactly(once.thresholds());
        assertThat(bytes(again.model())).isEqualTo(bytes(refit.model()));
        assertThat(bytes(refit.model())).isNotEqualTo(bytes(once.model()));
        assertThat(refit.model().notes()).contains("refit on training + tuning texts");
        TextClassifier classifier = new TextClassifier(
                java.util.Map.of(Language.EN, refit.model(), Language.ZH, refit.model()), SimpleNormalizer.INSTANCE);
        assertThat(classifier.scores("you stupid idiot", Language.EN)[Category.OFFENSIVE.ordinal()])
                .isGreaterThan(0.5f);
        assertThat(classifier.scores("thanks for coming to our event", Language.EN)[Category.OFFENSIVE.ordinal()])
                .isLessThan(0.5f);
    }

    @Test
    void trainingOnASliceOfTheRealDataIsReproducible() throws Exception {
        Path data = Train.DEFAULT_DATA;
        assertThat(data.resolve("zh-cold-train"))
                .as("the training data, at ../shared/data/policy next to the repository as in CI")
                .isDirectory();
        Datasets.Data full = Datasets.chinese(data);
        List<Sample> slice = new ArrayList<>();
        for (Sample s : full.samples()) {
            if (s.role() != Role.TEST && Math.floorMod(s.text().hashCode(), 20) == 0) {
                slice.add(s);
            }
        }
        Datasets.Data small = new Datasets.Data(Language.ZH, full.heads(), slice);
        byte[] first =
                bytes(Trainer.train(small, SMALL, SimpleNormalizer.INSTANCE).model());
        byte[] second =
                bytes(Trainer.train(small, SMALL, SimpleNormalizer.INSTANCE).model());
        assertThat(second).isEqualTo(first);
    }
}
