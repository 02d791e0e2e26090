package dev.rapport.connectors.sandbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The people of one sandbox account, generated from the seed and the account's id alone: the same
 * seed always gives the same people, so the population never needs to be stored.
 */
public final class SandboxAudience {

    static final List<String> AGE_BANDS = List.of("18-24", "25-34", "35-44", "45-54", "55-64", "65+");
    private static final double[] AGE_WEIGHTS = {0.18, 0.27, 0.21, 0.15, 0.12, 0.07};
    private static final List<String> GENDERS = List.of("female", "male", "other");
    private static final double[] GENDER_WEIGHTS = {0.51, 0.47, 0.02};
    private static final List<String> ZH_REGIONS =
            List.of("Beijing", "Shanghai", "Guangzhou", "Shenzhen", "Chengdu", "Hangzhou", "Wuhan", "Xi'an");
    private static final List<String> EN_REGIONS =
            List.of("London", "New York", "Singapore", "Sydney", "Toronto", "Berlin", "San Francisco");
    private static final List<String> INTERESTS =
            List.of("tech", "food", "travel", "fashion", "fitness", "finance", "parenting", "gaming");
    private static final String[][] ZH_SURNAMES = {
        {"li", "李"}, {"wang", "王"}, {"zhang", "张"}, {"liu", "刘"}, {"chen", "陈"}, {"yang", "杨"},
        {"zhao", "赵"}, {"huang", "黄"}, {"zhou", "周"}, {"wu", "吴"}, {"xu", "徐"}, {"sun", "孙"}
    };
    private static final String[][] ZH_GIVEN = {
        {"lei", "雷"}, {"fang", "芳"}, {"wei", "伟"}, {"min", "敏"}, {"jing", "静"}, {"qiang", "强"},
        {"yan", "艳"}, {"jun", "军"}, {"li", "丽"}, {"tao", "涛"}, {"xin", "欣"}, {"hao", "浩"}
    };
    private static final List<String> EN_FIRST = List.of(
            "emma", "oliver", "ava", "james", "sophia", "liam", "mia", "noah", "grace", "henry", "chloe", "jack");
    private static final List<String> EN_LAST =
            List.of("Wilson", "Smith", "Brown", "Taylor", "Jones", "Evans", "Clarke", "Patel", "Walker", "Hughes");

    private final List<SandboxPerson> people;

    private SandboxAudience(List<SandboxPerson> people) {
        this.people = people;
    }

    /** The population of the given account for the given seed. */
    public static SandboxAudience generate(long seed, long accountId, SandboxCoefficients coefficients) {
        SplittableRandom random = new SplittableRandom(SandboxRandom.mix(seed, accountId, 0x5EED));
        Set<String> handles = new HashSet<>();
        List<SandboxPerson> people = new ArrayList<>(coefficients.populationSize());
        for (int i = 0; i < coefficients.populationSize(); i++) {
            boolean chinese = random.nextDouble() < coefficients.chineseSpeakerShare();
            String handle;
            String displayName;
            if (chinese) {
                String[] surname = ZH_SURNAMES[random.nextInt(ZH_SURNAMES.length)];
                String[] given = ZH_GIVEN[random.nextInt(ZH_GIVEN.length)];
                handle = surname[0] + "." + given[0];
                displayName = surname[1] + given[1];
            } else {
                String first = EN_FIRST.get(random.nextInt(EN_FIRST.size()));
                String last = EN_LAST.get(random.nextInt(EN_LAST.size()));
                handle = first + "." + Character.toLowerCase(last.charAt(0));
                displayName = Character.toUpperCase(first.charAt(0)) + first.substring(1) + " " + last;
            }
            String unique = handle;
            for (int n = 2; !handles.add(unique); n++) {
                unique = handle + n;
            }
            List<String> regions = chinese ? ZH_REGIONS : EN_REGIONS;
            people.add(new SandboxPerson(
                    i,
                    unique,
                    displayName,
                    chinese ? "zh" : "en",
                    AGE_BANDS.get(SandboxRandom.weighted(random, AGE_WEIGHTS)),
                    GENDERS.get(SandboxRandom.weighted(random, GENDER_WEIGHTS)),
                    regions.get(random.nextInt(regions.size())),
                    interests(random),
                    propensity(random),
                    propensity(random),
                    propensity(random),
                    propensity(random),
                    random.nextDouble() < coefficients.initialFollowerShare()));
        }
        return new SandboxAudience(List.copyOf(people));
    }

    public List<SandboxPerson> people() {
        return people;
    }

    public SandboxPerson person(int index) {
        return people.get(index);
    }

    public int size() {
        return people.size();
    }

    private static List<String> interests(SplittableRandom random) {
        Set<String> chosen = new java.util.LinkedHashSet<>();
        int count = 1 + random.nextInt(3);
        while (chosen.size() < count) {
            chosen.add(INTERESTS.get(random.nextInt(INTERESTS.size())));
        }
        return List.copyOf(chosen);
    }

    /** A multiplier around 1, between 0.25 and 2: most people are average, a few are keen. */
    private static double propensity(SplittableRandom random) {
        return Math.max(0.25, Math.min(2.0, Math.exp(random.nextGaussian() * 0.4)));
    }
}
