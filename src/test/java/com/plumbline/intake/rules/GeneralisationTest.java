package com.plumbline.intake.rules;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The general mechanisms added for issue 19, each on phrasings that are in none of the labelled sets:
 * danger by shape, mentions and history that are not news, retractions that take back only their own
 * part of a message, questions, hyphenated words, temperatures and doubled letters.
 */
class GeneralisationTest {

    private static final Instant OFFICE_HOURS = Instant.parse("2026-03-10T15:00:00Z");

    private static Classification classify(String text) {
        return TestRules.classifier().classify(text, OFFICE_HOURS, 0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            water is gushing out from under the dishwasher                         | EMERGENCY
            theres a waterfall coming off the second floor landing                  | EMERGENCY
            el agua esta cayendo por la pared del pasillo y no para                 | EMERGENCY
            grey nasty water bubbling up out of the laundry drain                   | EMERGENCY
            the basement carpet is soaked and it stinks, water all over the floor   | EMERGENCY
            water dripping down the wall behind the tv and the cord is soaked       | EMERGENCY
            drip from the ceiling and now theres a burning plastic smell            | EMERGENCY
            furnace quit, its 8f tonight and my father is on oxygen                 | EMERGENCY
            """)
    void dangerWithoutKeywordsIsAnEmergency(String text, Priority expected) {
        assertThat(classify(text.trim()).priority()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            leaking joint under the laundry tub, we shut the valve under it                 | HIGH
            the copper line in the garage is cracked, can someone come today               | HIGH
            the upstairs sink, the tub and the kitchen sink are all slow, every drain gurgles | HIGH
            water heater quit on us this morning                                            | HIGH
            the handle on the bathroom faucet snapped off                                   | MEDIUM
            our water pressure dropped a lot this week                                      | MEDIUM
            the laundry sink is stopped up again                                            | MEDIUM
            """)
    void everydayProblemsInOtherWordsGetTheirPriority(String text, Priority expected) {
        assertThat(classify(text.trim()).priority()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            got a flood of voicemails from your office, please call once             | LOW
            where is the emergency shut-off on a water heater? just curious            | LOW
            thanks again for the help after the flooding last year                     | LOW
            the pipe that burst last winter held up fine, can we book a checkup        | LOW
            """)
    void mentionsAndHistoryAreNotNews(String text, Priority expected) {
        assertThat(classify(text.trim()).priority()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "we are at 40 River Road, the kitchen faucet drips",
            "the kitchen faucet sprays sideways, probably needs a new aerator",
            "the electric water heater is leaking from the bottom",
            "water dripping behind the access panel of the tub",
            "the water meter hisses a bit when we run the hose",
            "the sewer line going into the street is slow"})
    void lookAlikesOfTheNewShapesAreNotEmergencies(String text) {
        assertThat(classify(text).priority()).isNotEqualTo(Priority.EMERGENCY);
    }

    @Test
    void aRetractionTakesBackOnlyItsOwnPartOfTheMessage() {
        Classification c = classify("never mind about the gas smell, it was the oven cleaner. But the kitchen sink is clogged");
        assertThat(c.priority()).isEqualTo(Priority.MEDIUM);
        assertThat(c.serviceType()).isEqualTo(ServiceType.DRAIN_CLEANING);

        // "false alarm on the flooding, it was just the kids. the toilet is still running": ModelFirstTradeOffsTest

        Classification all = classify("sorry, false alarm, the water spraying was the hose outside");
        assertThat(all.priority()).isEqualTo(Priority.LOW);
        assertThat(all.retraction()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            the toillet is cloggged                 | MEDIUM
            gassss smell in the hallway             | EMERGENCY
            the pipe burrst and its pourring        | EMERGENCY
            """)
    void lettersTypedTwiceOrOnceTooFewAreReadAsTheRuleWord(String text, Priority expected) {
        assertThat(classify(text.trim()).priority()).isEqualTo(expected);
    }

    @Test
    void calledAnEmergencyWithNothingElseIsHighAndReviewed() {
        Classification c = classify("emergency please call me back");
        assertThat(c.priority()).isEqualTo(Priority.HIGH);
        assertThat(c.needsReview()).isTrue();
    }

    @Test
    void askingWhetherItIsAnEmergencyDoesNotSayItIsNot() {
        assertThat(classify("not an emergency? water is pouring out of the light fixture").priority())
                .isEqualTo(Priority.EMERGENCY);
    }

    // ---- issue 19, third pass: shapes the second development set showed missing (wordings in none of the sets)

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            there is a funny smell in the hallway and both kids have a headache                     | EMERGENCY
            smells like a dead skunk in the laundry room near the dryer                              | EMERGENCY
            the exhaust vent on top of the water heater fell off, there's a weird odor in the garage | EMERGENCY
            burning smell from the outlet behind the washer and the floor there is wet               | EMERGENCY
            the puddle under the fridge keeps getting bigger and we can't find the shutoff valve     | EMERGENCY
            la fuga debajo del lavabo esta creciendo y no encuentro la llave de paso                 | EMERGENCY
            the upstairs tub is overflowing and we tried the valve but it didn't help, water still coming | EMERGENCY
            we're on vacation and the alarm company says water is running under the door             | EMERGENCY
            water coming through the bedroom ceiling and we don't know where the main is             | EMERGENCY
            the drywall in the hallway ceiling is sagging and the wet spot keeps spreading            | EMERGENCY
            my grandpa's furnace went out and it's 12 outside tonight                                | EMERGENCY
            the leak under the sink is getting bigger, I shut the valve                              | HIGH
            the water heater pilot keeps going out                                                   | HIGH
            the laundry sink overflowed once when the washer emptied, mopped it up, it drains slow  | MEDIUM
            """)
    void dangerShapesFromTheSecondDevelopmentSet(String text, Priority expected) {
        assertThat(classify(text.trim()).priority()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "I have a headache from dealing with your billing department",
            "the dryer vent came loose behind the dryer, can you reattach it",
            "the tub overflow plate is loose",
            "a small drip from the ceiling only when the shower runs",
            "it was 30 degrees at the lake last weekend, anyway need a quote for a water softener",
            "we're out of town next week, can you schedule the water heater flush for when we're back"})
    void lookAlikesOfTheSecondPassShapesAreNotEmergencies(String text) {
        assertThat(classify(text).priority()).isNotEqualTo(Priority.EMERGENCY);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            hey any update on the slow bathroom sink? haven't heard from anyone                  | LOW
            still waiting on someone for the clogged laundry sink, it's now backing up into the tub | MEDIUM
            me again about the running toilet, now the floor around it is wet                    | MEDIUM
            any update? no hot water since this morning, now the heater is leaking too          | HIGH
            following up on the dripping tub spout from last week, any news on a time?           | LOW
            """)
    // BLIND-SET.md: a follow-up restating an unchanged problem is LOW even when the problem is HIGH ("still no hot
    // water, is anyone coming?"); the conversation keeps the priority of the first report
    void aFollowUpWithNothingNewIsLowButAWorseOneKeepsItsPriority(String text, Priority expected) {
        assertThat(classify(text.trim()).priority()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            can I get a price on replacing the garbage disposal                   | GENERAL
            what would it cost to swap our water heater for a tankless one        | GENERAL
            please send the invoice for the toilet repair to my email             | GENERAL
            time for the yearly water heater flush, can you put us on the calendar | WATER_HEATER
            the copper pipe in the garage split open, water everywhere            | LEAK_DETECTION
            """)
    void paperworkIsGeneralButRoutineWorkKeepsItsSystem(String text, ServiceType expected) {
        assertThat(classify(text.trim()).serviceType()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            the guest toilet rocks when you sit on it                                 | MEDIUM
            our toilet refills by itself every half hour                              | MEDIUM
            the toilet in the hall makes a loud whistle when it fills                 | MEDIUM
            the water heater makes a popping noise but we still get hot water         | MEDIUM
            the tankless goes hot and cold in the middle of a shower                  | MEDIUM
            the pipes bang every time the dishwasher stops                            | MEDIUM
            the meter is spinning like crazy and the side yard is soggy               | HIGH
            the bathroom sink is totally stopped, nothing goes down                   | MEDIUM
            no water pressure in the upstairs shower                                  | MEDIUM
            the water from every tap turned brown after the city worked on the street | MEDIUM
            brown water is bubbling up out of the basement floor drain                | EMERGENCY
            there's a soggy patch in the front lawn that never dries out              | MEDIUM
            """)
    void everydayFaultsInTheirOwnWordsGetTheirPriority(String text, Priority expected) {
        assertThat(classify(text.trim()).priority()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "the water from the bathroom faucet smells like metal this week",
            "the washing machine drain line overflowed and I mopped it up",
            "we want the sewer line cleaned before it clogs again this winter",
            "forgot my wrench at your shop yesterday, can I pick it up"})
    void waterOutOfATapAndThingsThatAlreadyStoppedAreNotUrgent(String text) {
        assertThat(classify(text).priority()).isIn(Priority.MEDIUM, Priority.LOW);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            water is dripping down from the bathroom above straight into the ceiling fan in the den      | EMERGENCY
            the laundry faucet popped off the wall and water is coming out everywhere                    | EMERGENCY
            water is coming out from under the washer and the valve behind it doesn't do anything       | EMERGENCY
            water coming up through the tile and the wet area is growing fast                           | EMERGENCY
            the sink is running over the edge onto the floor and it won't shut off                      | EMERGENCY
            there's a strange odor around the oven and it's stronger near the back                      | EMERGENCY
            the heat is out and the pipes froze, my wife has parkinsons, it's in the teens              | EMERGENCY
            se congelo la tuberia y no tenemos nada de agua, mi papa es mayor y hace 20 grados afuera   | EMERGENCY
            the pipe under the kitchen burst again in the same spot as last winter                      | EMERGENCY
            we can't get into the crawl space to turn it off and water is spraying from the pipe        | EMERGENCY
            the city says our cleanout in the side yard is spilling sewage into the street              | HIGH
            the meter is moving with every faucet off and we hear water running inside the wall         | HIGH
            el agua no sale de ninguna llave desde la manana                                            | HIGH
            """)
    void dangerShapesFromTheThirdDevelopmentSet(String text, Priority expected) {
        assertThat(classify(text.trim()).priority()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            no worries, we don't smell any gas, we just want a quote to move the stove line   | LOW
            what if our pipes freeze while we're away, should we leave the heat on?           | LOW
            I poured bleach down the tub drain and it's still slow                            | MEDIUM
            we had a gas leak repaired by your team last spring, do we need a yearly check?   | LOW
            the cable guy said there's a small drip under the house                           | MEDIUM
            the water heater makes a clicking sound when it starts up                         | MEDIUM
            there's moisture on the baseboard behind the fridge, nothing dripping              | MEDIUM
            """)
    void lookAlikesOfTheThirdPassShapesKeepTheirPriority(String text, Priority expected) {
        assertThat(classify(text.trim()).priority()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            the hose to the dishwasher let go, water keeps going and going and I can't find where to turn it off | EMERGENCY
            water rushing behind the kitchen wall, I shut the main and it's still running                        | EMERGENCY
            the supply under the vanity snapped and water is blasting everywhere, where's the valve              | EMERGENCY
            the laundry room floor is covered and the water won't stop                                           | EMERGENCY
            the tank in the garage is shooting water like a fire hose and we can't shut it off                   | EMERGENCY
            the shower filled up with toilet water when we ran the washer and now it's on the floor              | EMERGENCY
            furnace quit overnight, 18 outside, my granddaughter is staying with us and she has epilepsy         | EMERGENCY
            se rompio la manguera del calentador y el agua no para, no encuentro la llave principal              | EMERGENCY
            boiler went out again, no heat no hot water, it's 20 out and my dad is 88 yrs old                    | EMERGENCY
            the utility red tagged our meter after the inspection, we need the line fixed today                 | HIGH
            there's poop floating in the shower and nobody here did it                                           | EMERGENCY
            se rompio la manguera de la lavadora, ya cerre la llave                                              | HIGH
            the pipe over the garage door is leaking steady into a storage tote                                  | HIGH
            """)
    void dangerShapesFromTheFourthDevelopmentSet(String text, Priority expected) {
        assertThat(classify(text.trim()).priority()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            the toilet fills really high after a flush but it hasn't run over yet                  | MEDIUM
            the hall toilet overflowed once last night, I shut the valve and now it sits full       | MEDIUM
            the drywall by the tub feels damp to the touch, nothing dripping                        | MEDIUM
            only the hot water has a sulfur smell, the cold is fine, no smell anywhere else         | MEDIUM
            the guy who fixed our burst pipe in the spring did great work, thanks                   | LOW
            just wondering where the main shut off usually is, nothing's broken, asking in case     | LOW
            hot water is back, the breaker had been flipped, thanks anyway                          | LOW
            se tapo el drenaje de la tina y el agua se queda en la tina                             | MEDIUM
            """)
    void lookAlikesOfTheFourthPassShapesKeepTheirPriority(String text, Priority expected) {
        assertThat(classify(text.trim()).priority()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            the propane line to the grill island is leaking by the tank, you can hear it                      | EMERGENCY
            the laundry sink is filled with sewage and it's all over the laundry room floor                    | EMERGENCY
            black water keeps coming up in the shower pan and now it's onto the floor in the hall              | EMERGENCY
            the irrigation line split by the driveway and it's spraying the garage, the valve handle snapped off | EMERGENCY
            the angle stop under the sink broke off when I tried to close it and water is all over the floor   | EMERGENCY
            water is coming out from under the dishwasher like a garden hose                                   | EMERGENCY
            water dripping out of the pendant light over the island and running down the cord                  | EMERGENCY
            no heat since the storm, 12 outside, my husband is 84                                              | EMERGENCY
            we lost water when the pipes froze and my daughter is on a feeding tube                            | EMERGENCY
            """)
    void dangerShapesFromTheFifthDevelopmentSet(String text, Priority expected) {
        assertThat(classify(text.trim()).priority()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            the kitchen sink is full of dirty water since the disposal jammed                      | MEDIUM
            the bill was 80 dollars higher this month, nothing looks wet, can you check for a leak  | MEDIUM
            can you quote capping the old gas line to the fireplace, no smell, nothing leaking     | LOW
            """)
    void lookAlikesOfTheFifthPassShapesKeepTheirPriority(String text, Priority expected) {
        assertThat(classify(text.trim()).priority()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            the sewer cleanout in the side yard is overflowing and it reeks, nothing inside the house  | HIGH
            the back yard smells like a septic tank and the grass is soggy                              | HIGH
            the whole downstairs smells like sewage and the toilet gurgles                              | EMERGENCY
            sewage is coming up out of the tub drain and it stinks                                      | EMERGENCY
            the yard over the septic line is squishy and stinks of sewage, toilets are fine so far      | HIGH
            """)
    // BLIND-SET.md: an emergency is sewage backing up into the home; a sewer smell from the yard is the line (MAIN_LINE),
    // and every labelled set files a smelly patch of yard HIGH (set d: "the soggy spot in the front yard smells like
    // sewer and the grass is weirdly green"), whether or not the customer adds that the inside is fine
    void aSewageSmellOutsideIsTheLineAndOneInsideAnEmergency(String text, Priority expected) {
        assertThat(classify(text.trim()).priority()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            the shower drain bubbled over with brown water and it reeks in here                                   | EMERGENCY
            the leak from the upstairs bath is dripping onto the wall plug behind the couch                      | EMERGENCY
            water is running down onto the garage door opener and it keeps coming                                 | EMERGENCY
            water is spraying out of the wall and no one can turn the valve                                      | EMERGENCY
            my wife just had knee replacement surgery, the pipes froze, no water and it's 20 outside              | EMERGENCY
            the old capped pipe in the laundry room hisses and smells like garlic                                 | EMERGENCY
            the hot water has been gone since yesterday                                                           | HIGH
            every faucet in the house is down to a trickle                                                        | HIGH
            the pipe to the outdoor kitchen froze, nothing comes out, it's 22 degrees, just us adults            | HIGH
            the carpet by the laundry closet is wet and getting wetter, the washer line is leaking                | HIGH
            """)
    void dangerShapesFromTheSixthDevelopmentSet(String text, Priority expected) {
        assertThat(classify(text.trim()).priority()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            hot water runs out halfway through a shower now, it still gets hot                  | MEDIUM
            the heater hisses a little when it fires up, we have plenty of hot water            | MEDIUM
            the toilet tank fill valve is shot, water keeps spraying up in the tank             | MEDIUM
            we're getting better pressure since you came, thanks, the letter from the city was wrong | LOW
            do you put in outdoor showers by the pool? we'd like a quote                        | LOW
            the upstairs sink is slow, the other drains are all fine                            | MEDIUM
            """)
    void lookAlikesOfTheSixthPassShapesKeepTheirPriority(String text, Priority expected) {
        assertThat(classify(text.trim()).priority()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            the water line under the mobile home gave way and the shut off under the sink does nothing      | EMERGENCY
            the supply pipe in the attic let go and you can hear it roaring, I can't reach the valve         | EMERGENCY
            water is welling up through the grout in the hallway and the puddle keeps getting bigger        | EMERGENCY
            the backflow preventer blew apart and it is spraying the fence, the valve box is buried         | EMERGENCY
            I hear hissing in the wall behind the shower and now water is running out under the vanity      | EMERGENCY
            we have no heat and no water since the ice storm, my husband is diabetic and it's 18 outside    | EMERGENCY
            no tenemos agua desde ayer por la helada y mi mamá tiene 80 años                                 | EMERGENCY
            our water heater tank is just cold since last night                                             | HIGH
            the hot water is gone again, third time this month                                              | HIGH
            all the drains are gurgling and backing up like they did last spring                            | HIGH
            the water meter is racing with every tap off                                                    | HIGH
            """)
    void dangerShapesFromTheSeventhDevelopmentSet(String text, Priority expected) {
        assertThat(classify(text.trim()).priority()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            the water heater is stone cold and the kids are home, it's a nice day out                      | HIGH
            the gas company found a leak at the meter and red tagged it, no smell now                      | HIGH
            the boiler lights up with a click then hums, hot water is fine                                  | MEDIUM
            the laundry tub almost overflows when the washer drains, other drains fine                      | MEDIUM
            the pipe under the sink drips slowly into a bucket, maybe a cup a day                           | MEDIUM
            the fire department checked the house and said no gas, it was the paint fumes, cancel please   | LOW
            where is the main shut off usually on these houses? just want to know before anything happens  | LOW
            I called two hours ago about the slow tub, nobody has called back                              | LOW
            """)
    // BLIND-SET.md: freezing weather (not a cold heater) makes no heat or water an emergency for vulnerable people;
    // the gas utility's shut-off is the same-day repair; sulfur only in the hot water is the heater; a slow drip
    // caught is MEDIUM; a smell checked and found not to be gas, a question for later and a follow-up are LOW
    void lookAlikesOfTheSeventhPassShapesKeepTheirPriority(String text, Priority expected) {
        assertThat(classify(text.trim()).priority()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            the line to the fridge bust behind the wall and it's soaking the kitchen, we can't get it to stop | EMERGENCY
            el lavabo se está desbordando y no para, la llave no sirve                                       | EMERGENCY
            I smell something awful right at the gas meter by the side of the house                          | EMERGENCY
            water is running all over the garage and I don't have a key to shut the meter off                 | EMERGENCY
            the copper pipe in the crawlspace is hissing and water is coming out into the yard               | EMERGENCY
            water is dripping onto the microwave from the cabinet above                                      | EMERGENCY
            the storage tank of the water heater rotted through at the bottom and it's seeping                   | HIGH
            """)
    // BLIND-SET.md (eighth set): water onto a plugged-in appliance or a powered box is water near electricity; a
    // smell at the gas piping is gas; water escaping that nobody can stop (no key, no working valve) is an emergency
    void dangerShapesFromTheEighthDevelopmentSet(String text, Priority expected) {
        assertThat(classify(text.trim()).priority()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            what we flushed last night came back up in the shower                            | EMERGENCY
            the stuff i flushed is stuck, toilet wont go down, not on the floor yet          | MEDIUM
            I think what I flushed clogged the toilet, there's a little water on the floor   | HIGH
            """)
    // model37 (rules.yaml excrement): what was flushed, come back up in another fixture, is sewage in the home; flushed
    // and stuck in its own toilet is a clog, and a little water by it stays below an emergency
    void whatWasFlushedComingBackUpIsSewage(String text, Priority expected) {
        assertThat(classify(text.trim()).priority()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            we had to fill the toilet by pouring a bucket of water in, the flush handle broke               | MEDIUM
            the dishwasher leaves dirty water in the bottom after every cycle                               | MEDIUM
            somebody poured paint down the bathroom sink and now it won't drain                             | MEDIUM
            the hall closet flooded from the washer, it's all dry now and the washer works fine             | HIGH
            we thought we smelled gas earlier but now it is really strong in the kitchen                    | EMERGENCY
            """)
    // water poured in by hand, an appliance's own dirty water, something poured down a drain and a measured slow drip
    // are not water escaping; an emergency word with the water gone is HIGH; a smell first doubted does not take back
    // an emergency
    void lookAlikesOfTheEighthPassShapesKeepTheirPriority(String text, Priority expected) {
        assertThat(classify(text.trim()).priority()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            rain gutter burst over the garage and water is sheeting onto the EV charger on the wall          | EMERGENCY
            water is running down into the elevator pit at our office and the elevator is still in service  | EMERGENCY
            the bar sink faucet snapped at the base and water is shooting at the ceiling, the valves are corroded | EMERGENCY
            pipe under the house let go and water keeps pouring out, the shutoff is painted over             | EMERGENCY
            water gushing out by the curb, the plumber said the break is on my side of the meter and I cannot shut it | EMERGENCY
            the washer hose is pouring water and won't let up even with the machine unplugged                 | EMERGENCY
            heat's out and it's 18 degrees, my husband is on blood thinners and can't get warm               | EMERGENCY
            no water since the pipes froze, it's freezing and our twins are preemies just home from the NICU | EMERGENCY
            the hot water is barely room temperature since this morning                                      | HIGH
            the laundry and both baths plus the kitchen sink are all slow, all 4 drains gurgle                | HIGH
            """)
    // BLIND-SET.md (ninth set): water reaching powered equipment (a charger, a lift) is water near electricity; water
    // thrown hard that nobody can stop (a valve crusted, corroded or painted shut, "can't shut it", a machine that
    // will not let up) is an emergency; a premature baby or a chronic illness in a freeze is vulnerable; room-temperature
    // hot water is none; several drains counted are the line
    void dangerShapesFromTheNinthDevelopmentSet(String text, Priority expected) {
        assertThat(classify(text.trim()).priority()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            can you give me a price on a new microwave and a water softener                                  | LOW
            my phone charger fell in the tub, lol, anyway the tub drain is slow                               | MEDIUM
            the pipes to the water heater have a greenish crust on them, heater works fine                    | MEDIUM
            our hot water looks cloudy for a second then clears, cold water is fine                          | MEDIUM
            wrong number, meant to text my sister about her flooded basement                                 | LOW
            my mom is on blood thinners, can you come fix the toilet that's running                          | MEDIUM
            just checking, same clog as yesterday in the kitchen sink, when can someone come by              | LOW
            wrong number earlier, sorry. but we do have water pouring through the kitchen ceiling right now   | EMERGENCY
            gas smell in the kitchen, same as before, it's getting stronger                                  | EMERGENCY
            water pouring through the bedroom wall, don't know where it's coming from, please hurry           | EMERGENCY
            """)
    // a microwave or a charger named beside water without water reaching it, a minor water-heater fault, the other tap
    // said to be fine, a wrong number, a follow-up naming the same problem and a corroded valve with nothing escaping;
    // and the other way: a vulnerable person with no freeze, a wrong number before a real emergency, "same as before"
    // beside a gas smell, a source nobody knows while water pours (still emergencies)
    void lookAlikesOfTheNinthPassShapesKeepTheirPriority(String text, Priority expected) {
        assertThat(classify(text.trim()).priority()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            water is streaming out from under the kitchen sink and the shut off under there has no handle       | EMERGENCY
            the pipe in the crawlspace is spraying and the valve box is under the concrete driveway             | EMERGENCY
            water coming down the stairs and it isn't slowing down at all                                       | EMERGENCY
            el boiler esta tirando agua por todos lados y no sabemos cerrar la llave                            | EMERGENCY
            the bathroom ceiling caved in and water is pouring onto the floor                                   | EMERGENCY
            there's brown water with toilet paper standing in the shower and the whole bathroom reeks           | EMERGENCY
            dirty water with poop is coming out around the base of the toilet                                   | EMERGENCY
            mom is quadriplegic and we lost heat in this freeze, it's 20 degrees outside                        | EMERGENCY
            the landlord says the building lost water and it's below freezing, my dad is on dialysis            | EMERGENCY
            water is pouring out of the hallway ceiling and we need it stopped now                              | EMERGENCY
            our hot water is gone since this morning                                                            | HIGH
            we have a tote under the ceiling leak and have to empty it every hour                               | HIGH
            """)
    // the tenth development set's danger shapes in new words: a shut-off without its handle or out of reach, water
    // that does not ease, Spanish water let out with nobody able to close it, a ceiling that gave way, dirty water
    // that stinks or comes up around a toilet, paralysis and water or heat lost in a freeze, a wish that is no
    // resolution; hot water gone, a catch container emptied again and again
    void dangerShapesFromTheTenthDevelopmentSet(String text, Priority expected) {
        assertThat(classify(text.trim()).priority()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            should we let the faucets drip tonight? it's going to be 20                                         | LOW
            the gas smell was just the dog's medicine bottle, sorry, all fine                                   | LOW
            the leak in the closet ceiling was condensation from the AC line, HVAC fixed it                     | LOW
            any news on my water heater? nothing's changed                                                      | LOW
            the kitchen sink is full of dirty water and it stinks, the disposal is jammed                       | MEDIUM
            the fitting under the sink seeps, a paper towel gets damp overnight                                 | MEDIUM
            time for our yearly sewer line jetting, no problems now                                             | LOW
            funny story, the pipe under the house burst and water is everywhere and I can't find the shut off   | EMERGENCY
            """)
    // look-alikes of the tenth pass's shapes: advice against a freeze, a scare explained by its cause, a follow-up
    // asking for news, a kitchen sink standing full of its own dirty water, a seep measured by a paper towel, routine
    // jetting; and the other way: "funny story" takes nothing back (set c), getting up there to shut it off is done
    void lookAlikesOfTheTenthPassShapesKeepTheirPriority(String text, Priority expected) {
        assertThat(classify(text.trim()).priority()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            the basement floor drain started spitting up sewage onto the laundry room floor                   | EMERGENCY
            the tub is filling with dark stinky water and there are chunks floating in it                       | EMERGENCY
            water from the upstairs tub is running out around the recessed lights in the den                    | EMERGENCY
            the supply line to the ice maker cracked and water is running across the kitchen, there is no shutoff valve anywhere | EMERGENCY
            the meter box by the sidewalk is overflowing and water is running down the street                   | EMERGENCY
            water is coming through the garage ceiling and the valve is behind a stack of boxes                 | EMERGENCY
            se congelaron los tubos y no hay calefacción, mi esposo tiene artritis y no se puede mover         | EMERGENCY
            water is spurting from a nail hole in the wall right next to the outlet                             | EMERGENCY
            all three bathrooms are slow and gurgling                                                           | HIGH
            the shower water is barely warm since the weekend                                                   | HIGH
            the leak over the laundry room fills the bucket twice a day                                         | HIGH
            the pipe under the kitchen burst, I shut the main and mopped up                                     | HIGH
            pipe burst under the house and I couldn't shut the main                                             | EMERGENCY
            worst leak ever, the pipe burst and water is spraying all over the garage                           | EMERGENCY
            there's a wet patch on the hallway wall that never dries                                            | MEDIUM
            """)
    // the eleventh development set's danger shapes in new words: sewage spat up out of a drain, dark stinky water with
    // solids floating in it, water running out around lights, no shut-off there at all or one walled in by boxes, a meter
    // box running over, Spanish frozen pipes with someone who cannot move, the sewer's smell in Spanish, water spurting
    // beside an outlet; several drains counted in words, water never more than barely warm, a bucket filled by a leak,
    // a wet patch that never dries, a burst settled by shutting the main (and not when the main could not be shut)
    void dangerShapesFromTheEleventhDevelopmentSet(String text, Priority expected) {
        assertThat(classify(text.trim()).priority()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            there's a thud inside the wall whenever the dishwasher valve closes | MEDIUM
            both bathroom sinks are slow                                                        | MEDIUM
            there is no shutoff valve under the new sink, can you add one when you come         | LOW
            sewer smell near the septic lid in the yard, toilets flush fine                     | HIGH
            the kids left toys floating in the tub and the drain is slow                        | MEDIUM
            the toilet water is dark blue from the tablet                                       | MEDIUM
            the kitchen sink doesnt drain like it should                                        | MEDIUM
            the bathtub faucet only runs hot at full blast, lower it goes cold                  | MEDIUM
            where's my main shut off in case a pipe ever bursts? nothing wrong now              | LOW
            the sump pump is pumping water out to the yard like it should                       | LOW
            the laundry sink is not draining since yesterday                                    | MEDIUM
            """)
    // look-alikes of the eleventh pass's shapes: two sinks of one bathroom,
    // a meter box lid to replace, a missing shut-off asked for as work, dark tap water, a sewer smell outside with the
    // flushing said fine, toys (not solids) floating, a toilet tablet's colour, a sump pump working as it should (the
    // model alone read it EMERGENCY), a drain that does not work as it should, a tap at full blast; and the MEDIUM
    // repairs of the pass: a thud in the wall when a valve closes (water hammer), a drain that is not draining; a what-if
    void lookAlikesOfTheEleventhPassShapesKeepTheirPriority(String text, Priority expected) {
        assertThat(classify(text.trim()).priority()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            the stove hisses when it is off and the whole kitchen smells eggy                 | EMERGENCY
            do you replace sprinkler heads? two got run over by the delivery truck           | LOW
            there is dryer lint all over the side of the house, can you clean the vent        | LOW
            the toilet is running over onto the bathroom floor and won't stop                 | EMERGENCY
            """)
    // model22 (set v and set l, read): an "eggy" smell by a gas appliance is a gas smell; a thing run over by a vehicle and
    // lint all over an outside wall are no fixture running over (none of these wordings is in a labelled set); a
    // toilet running over still is
    void shapesOfTheTwentySecondSetGetTheirPriority(String text, Priority expected) {
        assertThat(classify(text.trim()).priority()).isEqualTo(expected);
    }

    @Test
    // "all four" of something that is no drain is no main line for the rules (the model, trained on set k's "all four
    // units ... slow", reads this one HIGH on its own: left, see bench/RESULTS-classifier.md, twelfth pass)
    void allFourOfSomethingElseIsNoMainLineForTheRules() {
        assertThat(TestRules.rulesOnly().classify("all four burners on the stove are slow to light", OFFICE_HOURS, 0)
                .priority()).isNotIn(Priority.HIGH, Priority.EMERGENCY);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            the water line between the meter and the house cracked and it's spraying like a geyser          | MAIN_LINE
            the garbage disposal leaks from the bottom, sink drains fine                                    | GENERAL
            """)
    // BLIND-SET.md: a broken line between the meter and the house, uncontrolled, is the main water line; a disposal
    // fault beside a drain said to work is a fixture repair
    void ninthPassServiceTypes(String text, ServiceType expected) {
        assertThat(classify(text.trim()).serviceType()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            the tankless unit is spraying out the bottom and I can't get the isolation valve to turn | WATER_HEATER
            water is spraying out of the wall near the water heater and I can't find the shut off   | LEAK_DETECTION
            the outdoor spigot drips even when it's turned all the way off        | GENERAL
            """)
    // BLIND-SET.md: a drip from a fixture itself is a fixture repair (GENERAL); a water heater that throws water with
    // no way to stop it is WATER_HEATER, a pipe beside it LEAK_DETECTION
    void fixtureDripsAndTheWaterHeaterItselfTakeTheirServiceType(String text, ServiceType expected) {
        assertThat(classify(text.trim()).serviceType()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            strong smell of gas in the utility room near the water heater      | GENERAL
            we have had no running water since noon, the bill is paid          | GENERAL
            the garbage disposal makes a loud grinding noise and then stops    | GENERAL
            the garbage disposal hums and the sink won't drain                 | DRAIN_CLEANING
            the flush handle came off in my hand                               | TOILET_REPAIR
            """)
    void serviceTypesFollowTheLabellingRules(String text, ServiceType expected) {
        assertThat(classify(text.trim()).serviceType()).isEqualTo(expected);
    }

    // stop 26: gas found by an instrument is an emergency by its shape (blind set t had one read MEDIUM); wordings in
    // none of the labelled sets
    @ParameterizedTest
    @ValueSource(strings = {
            "the technician from the utility said his sniffer keeps going off for gas by our water heater",
            "our new gas alarm went off twice tonight in the laundry room, we opened windows",
            "el detector de gas esta sonando en la cocina"})
    void gasFoundByAnInstrumentIsAnEmergency(String text) {
        assertThat(classify(text).priority()).isEqualTo(Priority.EMERGENCY);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "can you install a gas detector next to the furnace when you come for the water heater",
            "the gas detector in the hall keeps chirping, I think the battery is low",
            "the smoke alarm went off when I burned toast, unrelated, but the kitchen drain is slow"})
    void anInstrumentThatFindsNoGasIsNoEmergency(String text) {
        assertThat(classify(text).priority()).isNotEqualTo(Priority.EMERGENCY);
    }

    // model21: hot water gone in other words (blind set u, read): the hot side gone cold, a heater's tank that no longer
    // heats, hot water for a minute then cold; wordings in none of the labelled sets
    @ParameterizedTest
    @ValueSource(strings = {
            "the hot side of every tap runs cold now and the heater closet feels chilly",
            "our water heater tank isn't heating anymore, three kids need baths tonight",
            "the hot tap in the kitchen only gives cold water since this morning",
            "we get hot water for a minute, then it goes cold, every shower"})
    void hotWaterGoneInOtherWordsIsHigh(String text) {
        assertThat(classify(text).priority()).isEqualTo(Priority.HIGH);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "hot water runs out after 15 minutes, it used to last two showers",
            "the shower goes hot, then cold for a few seconds, then hot again",
            "the toilet tank isn't filling up after a flush",
            "can you quote a new 50 gallon tank, ours is 14 years old but still heating fine",
            "wrong number sorry, I was trying to book flu shots for the kids"})
    void hotWaterThatStillComesAndOtherTanksAreNotHigh(String text) {
        assertThat(classify(text).priority()).isNotIn(Priority.HIGH, Priority.EMERGENCY);
    }

    // model23 (MessageClassifier.MODEL_LOW_OVER_RULES_HIGH): a line or a sewer the rules read HIGH, in a message the model
    // is sure is paperwork or a question (an inspector's "might have roots someday", a city notice), reads LOW; wordings
    // in none of the labelled sets
    @ParameterizedTest
    @ValueSource(strings = {
            "we're buying a house and the inspector mentioned the main line might have roots someday, can you quote a camera inspection"})
    void aLineOnlyAskedAboutIsLowWhenTheModelIsSure(String text) {
        assertThat(TestRules.rulesOnly().classify(text, OFFICE_HOURS, 0).priority()).as("rules alone").isEqualTo(Priority.HIGH);
        assertThat(classify(text).priority()).isEqualTo(Priority.LOW);
    }

    // and the other way: the line or the heater out of service now, also beside a price or a quote, stays HIGH (the model
    // unsure, or reading HIGH itself)
    @ParameterizedTest
    @ValueSource(strings = {
            "the main line is clogged, none of the drains in the house will go down",
            "what would it cost to clear the main line, every drain in the house is slow and gurgling",
            "quote please: the water heater died today and we have no hot water"})
    void aLineOrHeaterOutOfServiceStaysHighBesideAQuote(String text) {
        assertThat(classify(text).priority()).isEqualTo(Priority.HIGH);
    }
    // model24 (config/rules.yaml, signal `sewageOut`): a sewer line or cleanout named in a question, a project, a letter or
    // a plan, with nothing out of it, is not "sewage outside" (the rules alone read it LOW); wordings in no labelled set
    @ParameterizedTest
    @ValueSource(strings = {
            "for a class project: what does a sewer cleanout do",
            "the county wants the sewer cleanout by the alley raised to grade before we sell, can you give us a price",
            "planning a patio next year over where the sewer line goes out to the street, do we need to move the cleanout",
            // moved here from aLineOnlyAskedAboutIsLowWhenTheModelIsSure: the rules alone read it LOW now, nothing is out
            "the city sent a notice they're replacing the sewer main on our street next month, do we need to do anything on our side?"})
    void aSewerLineOrCleanoutOnlyNamedIsNotSewageOutside(String text) {
        assertThat(TestRules.rulesOnly().classify(text, OFFICE_HOURS, 0).priority()).as("rules alone").isEqualTo(Priority.LOW);
        assertThat(classify(text).priority()).isEqualTo(Priority.LOW);
    }

    // and the other way: sewage, its smell or the wet ground over the line, outside, stays at least HIGH
    @ParameterizedTest
    @ValueSource(strings = {
            "sewage is seeping out of the cleanout in the side yard, nothing inside so far",
            "sewer smell all along the back yard and the grass there is mushy, drains inside still go down",
            "the sewer cleanout by the alley is bubbling up brown water when we shower"})
    void sewageOutOutsideStaysHigh(String text) {
        assertThat(TestRules.rulesOnly().classify(text, OFFICE_HOURS, 0).priority()).as("rules alone").isIn(Priority.HIGH, Priority.EMERGENCY);
        assertThat(classify(text).priority()).isIn(Priority.HIGH, Priority.EMERGENCY);
    }
    // model24 (MessageClassifier.HAPPENING_NOW; config/rules.yaml: "none of the toilets" beside a backup is the whole
    // house): a backup happening now, asked about by price, is not lowered to the model's LOW (the rules' HIGH stands);
    // wordings in no labelled set but the first (model23's pointer)
    @ParameterizedTest
    @ValueSource(strings = {
            "how much would it cost to fix our main line? it's backed up and none of the toilets will flush",
            "what do you charge to unclog a main line, the whole house is backed up",
            "none of our toilets flush and the tub is backing up, how much for a plumber today"})
    void aBackupHappeningNowStaysHighBesideAPrice(String text) {
        assertThat(classify(text).priority()).isEqualTo(Priority.HIGH);
    }

    // and the other way: a price or an invoice with nothing happening now (asked ahead, or the backup said to be over)
    // stays LOW
    @ParameterizedTest
    @ValueSource(strings = {
            "how much do you charge to snake a main line? just asking for next spring",
            "the tub was backing up last week but it's fine since you came, how much do I owe",
            "how much is a camera inspection of the sewer line, no problems, we're buying the house"})
    void aPriceWithNothingHappeningNowStaysLow(String text) {
        assertThat(classify(text).priority()).isEqualTo(Priority.LOW);
    }
    // model24 step 3 (MessageClassifier.MODEL_MEDIUM_OVER_RULES_HIGH 0.8 -> 0.7): a rules HIGH without an emergency cue
    // yields to the model's MEDIUM from 0.7 (a drip caught in a pan, a washer standpipe overflowing each load), while a
    // whole-house backup, no water and no hot water stay HIGH; wordings in no labelled set (the model is surer of these
    // than the band that moved: they pin the behaviour around it)
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            the pex under the trailer drips at a crimp ring, got a pan under it                | MEDIUM
            the washer drain standpipe overflows a little every load                           | MEDIUM
            every drain in the house is slow and the toilets gurgle, I think its the main line | HIGH
            no water at all at the shop since this morning, restrooms unusable                 | HIGH
            the water heater quit this morning, no hot water at all                            | HIGH
            """)
    void aContainedDripIsMediumAndAWholeHouseProblemHigh(String text, Priority expected) {
        assertThat(classify(text.trim()).priority()).isEqualTo(expected);
    }

    // model26 (config/rules.yaml: fittingOff, waterOut, flushedElsewhere, outOntoFloor; sets z and aa read): a line or
    // hose that let go with water all over is water escaping wherever it hangs; what a flush upstairs pushes out of a
    // fixture below onto the floor is sewage, named or not. Wordings in no labelled set
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            the line under the bathroom faucet shot off when I bumped it, waters all over and no shut off under there | EMERGENCY
            the hose on the bidet popped loose, water all over the place and the little valve spins                     | EMERGENCY
            whenever somebody upstairs flushes, the toilet down here overflows onto the floor, dark and nasty               | EMERGENCY
            cada vez que jalan arriba sale todo del inodoro de abajo al piso                                                 | EMERGENCY
            """)
    void aLineThatLetGoOrAFlushUpstairsComingOutBelowIsAnEmergency(String text, Priority expected) {
        assertThat(TestRules.rulesOnly().classify(text.trim(), OFFICE_HOURS, 0).priority()).as("rules alone").isEqualTo(expected);
        assertThat(classify(text.trim()).priority()).isEqualTo(expected);
    }

    // and their look-alikes: a loose line with nothing coming out, a fixture below that only gurgles when upstairs
    // flushes (the main line, HIGH)
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            when someone flushes upstairs our downstairs tub gurgles                         | HIGH
            """)
    void aLooseLineOrAGurgleBelowKeepsItsPriority(String text, Priority expected) {
        assertThat(classify(text.trim()).priority()).isEqualTo(expected);
    }

    // model26: "never mind the X" takes X back; "about to burst a pipe" is anger; a trickle said as a dribble at every tap
    // is no water (HIGH); rotten eggs smelt only with the hot water is the heater's anode, not gas
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            never mind the flooding in the garage, the kids left the hose running into the bucket, all mopped up | LOW
            the neighbors dog barks all night and im about to burst a pipe lol. anyway need a quote for a new kitchen faucet | LOW
            since lunch just a dribble out of every tap, no water company notice                                 | HIGH
            the shower smells like rotten eggs but only from the hot side, cold smells fine                      | MEDIUM
            """)
    void aRetractionAFigureOfSpeechATrickleAndAnEggyHeater(String text, Priority expected) {
        assertThat(classify(text.trim()).priority()).isEqualTo(expected);
    }

    // model27 (resolution.explanations): a scare explained away in a message that says all is well is taken back; not
    // when the explanation names a plumbing system, nor without the all-clear. Wordings in no labelled set
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            the gas smell on the porch was a can of paint thinner the painters left, all good now                     | LOW
            cancel the sewer visit, the stink in the mudroom was a bag of old potatoes                                | LOW
            el olor a drenaje en la cocina era una bolsa de basura, ya todo bien                                      | LOW
            the gas smell on the porch was a can of paint thinner the painters left                                   | EMERGENCY
            """)
    void aScareExplainedAwayIsTakenBackWithAnAllClear(String text, Priority expected) {
        assertThat(TestRules.rulesOnly().classify(text.trim(), OFFICE_HOURS, 0).priority()).as("rules alone").isEqualTo(expected);
    }

    // an explanation that names a plumbing system is the cause, not a harmless scare: the problem stands
    @Test
    void anExplanationThatNamesAPlumbingSystemTakesNothingBack() {
        Classification read = TestRules.rulesOnly().classify(
                "the flooding in the hall was the water heater letting go, all good now that the valve is closed", OFFICE_HOURS, 0);
        assertThat(read.priority()).isNotEqualTo(Priority.LOW);
        assertThat(read.retraction()).isFalse();
    }

    // model28 (config/rules.yaml: waterEscaping and waterGushing `unless`, sewageLike `unless`): a fitting that sprays
    // only while its fixture runs is a repair, and a sewer smell with the drains merely slow is the main line (HIGH); water
    // that sprays with the fixture off, or sewage seen coming up, stays an emergency. Wordings in no labelled set
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            the valve behind the washing machine sprays a fine mist when it runs, the floor stays mostly dry   | MEDIUM
            the whole house drains slowly and there is a sewer smell in the hallway                            | HIGH
            every sink and tub is sluggish and the upstairs bath smells like septic                            | HIGH
            sewage smell and brown water coming up in the shower, everything is slow                           | EMERGENCY
            water sprays out of the wall behind the shower even when its off and I cant shut it                | EMERGENCY
            """)
    void sprayingOnlyInUseAndASmellWithSlowDrainsAreNotEmergencies(String text, Priority expected) {
        assertThat(classify(text.trim()).priority()).isEqualTo(expected);
    }

    // model29: "sewer line" is a rule phrase of its own, which hid its "sewer" from the smell of sewage; the rules alone
    // (not only the model) read these as sewage smelt in the home
    @ParameterizedTest
    @ValueSource(strings = {
            "theres a sewer line smell in the basement getting stronger every hour",
            "sewer line smell in the hall bathroom",
    })
    void aSewerLineSmeltInsideIsAnEmergencyForTheRulesAlone(String text) {
        assertThat(TestRules.rulesOnly().classify(text, OFFICE_HOURS, 0).priority()).isEqualTo(Priority.EMERGENCY);
    }

    // model30 (config/rules.yaml: waterEscaping, waterGushing and electrics `unless`): a weak spray, water that comes out
    // as it should only hot, and something a person poured into a fixture are not water escaping ("like a light rain" is no
    // light fixture either); water that escapes stays an emergency. Wordings in no labelled set
    @ParameterizedTest
    @ValueSource(strings = {
            "the handheld wand in the tub barely sprays now, feels like a light rain",
            "el boiler hace un clic raro pero el agua sale bien caliente, es normal?",
            "the laundry sink stopped up after my daughter poured paint water in it",
    })
    void aWeakSprayWaterComingOutHotOrSomethingPouredInIsNoWaterEscaping(String text) {
        Classification read = TestRules.rulesOnly().classify(text, OFFICE_HOURS, 0);
        assertThat(read.priority()).as(text).isIn(Priority.MEDIUM, Priority.LOW);
        assertThat(read.matchedKeywords()).as(text).doesNotContain("water escaping");
    }

    // model30 (MessageClassifier.SHARED_LINE, signal severalDrainsSlow): several drains slow at once are the line they
    // share, HIGH, which the model's MEDIUM (each drain a clog) does not lower. Wordings in no labelled set
    @ParameterizedTest
    @ValueSource(strings = {
            "every shower and tub in the house drains slow, the sinks too",
            "all our drains are sluggish, tub, sinks, shower, even the washer standpipe",
            "both toilets and every sink go down slow, plunging does nothing",
    })
    void severalDrainsSlowAtOnceStayHigh(String text) {
        assertThat(classify(text).priority()).isEqualTo(Priority.HIGH);
    }

    // model30 (config/rules.yaml: sewageLike, vulnerable `unless`; lists.waterSmellsNotGas): a sewer smell at a toilet's
    // base is its wax ring, "nobody sick" is no vulnerable person, and a smell only in the hot water with the cold fine is
    // the heater's anode; for the rules alone none of these is an emergency, while sewage seen at the base still is.
    // Wordings in no labelled set
    @ParameterizedTest
    @ValueSource(strings = {
            "the guest toilet wobbles and there's a sewer odor around the base of it",
            "pipe under the bathroom sink froze, it's 22 out, no water in that sink, nobody sick, we're just cold",
            "our hot water comes out smelling like rotten eggs, the cold is fine, no gas smell at all",
    })
    void aSmellAtTheToiletBaseNobodySickOrOnlyHotWaterSmellingIsNoEmergency(String text) {
        assertThat(TestRules.rulesOnly().classify(text, OFFICE_HOURS, 0).priority()).as(text).isNotEqualTo(Priority.EMERGENCY);
    }

    @Test
    void sewageSeenComingOutAtTheToiletBaseIsStillAnEmergency() {
        assertThat(TestRules.rulesOnly().classify("raw sewage is oozing out around the base of the toilet onto the tile",
                OFFICE_HOURS, 0).priority()).isEqualTo(Priority.EMERGENCY);
    }

    // model30 (config/rules.yaml: electricalNearWater, electrics `unless`; negation.mentions): a breaker said to be fine
    // or a burner that will not light is no electricity near water, and "burst into tears" or an inbox flooded with mail
    // names no problem. Wordings in no labelled set
    @ParameterizedTest
    @ValueSource(strings = {
            "the booster pump stopped, no water anywhere in the house, breakers look fine",
            "our tankless wont light and theres no hot water, the gas is on",
    })
    void aBreakerSaidFineOrABurnerThatWontLightIsNoEmergency(String text) {
        assertThat(TestRules.rulesOnly().classify(text, OFFICE_HOURS, 0).priority()).as(text).isNotEqualTo(Priority.EMERGENCY);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "my son burst into tears when your tech showed him the camera in the pipe, can you book the softener install",
            "sorry my inbox is flooded, please send the estimate by text",
    })
    void figuresOfSpeechNameNoProblem(String text) {
        assertThat(TestRules.rulesOnly().classify(text, OFFICE_HOURS, 0).priority()).as(text).isEqualTo(Priority.LOW);
    }

    // model31 (config/rules.yaml: signals fuelBurner, gasLineSound and their rules): headaches or dizziness beside a
    // fuel-burning appliance is possible carbon monoxide, and a gas line heard hissing further off than six words is still
    // gas; for the rules alone, not only the model. Wordings in no labelled set
    @ParameterizedTest
    @ValueSource(strings = {
            "my husband and I both woke up dizzy with pounding headaches, the furnace ran all night",
            "the fence guys drove a post into a yellow line along the driveway and you can hear it whistling from the porch",
    })
    void carbonMonoxideSymptomsAndAGasLineHeardAreEmergenciesForTheRulesAlone(String text) {
        assertThat(TestRules.rulesOnly().classify(text, OFFICE_HOURS, 0).priority()).as(text).isEqualTo(Priority.EMERGENCY);
    }

    // model31 (config/rules.yaml: signal medical): intravenous care or an ostomy at home is medical care; with no water, an
    // emergency. Wordings in no labelled set
    @ParameterizedTest
    @ValueSource(strings = {
            "no water since this morning, my dad gets his IV antibiotics at home through a PICC line",
            "we have had no water since noon and my mom has an ileostomy, we can't clean her supplies",
    })
    void noWaterForSomeoneOnIntravenousOrOstomyCareIsAnEmergency(String text) {
        assertThat(TestRules.rulesOnly().classify(text, OFFICE_HOURS, 0).priority()).as(text).isEqualTo(Priority.EMERGENCY);
    }

    // model31 (config/rules.yaml: signal gasShutOff): a gas meter tagged, or a house left with no gas until its line is
    // fixed, is the same-day work of the gas company shutting the gas off (HIGH). Wordings in no labelled set
    @ParameterizedTest
    @ValueSource(strings = {
            "the inspector tagged our meter after the new dryer hookup, they want a plumber to redo the connection",
            "duplex on Oak: the gas is still off after the inspection, tenants can't cook",
    })
    void aTaggedMeterOrAHouseLeftWithoutGasIsHigh(String text) {
        assertThat(TestRules.rulesOnly().classify(text, OFFICE_HOURS, 0).priority()).as(text).isEqualTo(Priority.HIGH);
    }
}
