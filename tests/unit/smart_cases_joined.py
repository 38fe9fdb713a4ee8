"""Labelled targets for ``several-skills``: two actions joined in one target, and the
joins that are not two skills. Written the way teachers write targets, labelled as a
SENCO would judge them (all six codes). ``TWO_SKILLS`` and ``ONE_SKILL`` were scored
once before the rule changed (recall 18/39, 2 false alarms); ``FRESH`` once after the
first change (6/11, 1 false alarm); ``UNSEEN`` once after the last (6/7, 1 false alarm).

Two skills: two actions with their own objects or measures, joined by "and", "as well
as", "also", a semicolon, or written as two sentences ("To ... . To ...", "I can ... .
I can ..."), whatever the verbs are ("dribble", "convert", "sign", "hang up").
Not two skills: one action done "with and without support", "at home and at school" or
"in class as well as in his test"; materials listed ("scissors, glue and card", "his
timer and his now-and-next board to ..."); "and" inside a measure or an object ("the
date and the title", "2D and 3D shapes"); conduct with a skill ("listen to a story and
answer", "sit and eat", "stop, think and choose"); steps of one routine ("wash and dry",
"take home and bring back"); reading with understanding ("read and understand", where
"understand" is the vague verb); a second sentence saying how it is checked or who helps
("This will be checked ...", "His parents will also ...", "She will do this ...").
"""

from __future__ import annotations

from .smart_cases import AUTUMN, ND, NM, SS, VV, case

TWO_SKILLS = [
    case("By Easter, Sam will read 20 of 25 CVC words and write 5 of them from dictation.", SS),
    case(
        "Maya will read a Book Band 4 text with 90% accuracy and answer 3 questions about it "
        "by the end of the spring term.",
        SS,
    ),
    case(
        "By half term, Olly will count reliably to 20. He will also write the numbers 1 to 10 "
        "correctly.",
        SS,
    ),
    case("To recognise numbers to 20 and write them correctly by Easter.", SS),
    case(
        "Jayden will write 4 sentences with full stops as well as spelling 10 topic words "
        "correctly by 27 March.",
        SS,
    ),
    case(
        "By the end of term, Amelia will zip up her coat and put on her shoes without help.",
        SS,
    ),
    case(
        "Kacper will say the sounds for 20 Phase 3 graphemes, and blend them to read 10 CVC "
        "words, by February half term.",
        SS,
    ),
    case(
        "Priya will dribble a ball around 5 cones and pass it to a partner 8 times out of 10 "
        "by the summer half term.",
        SS,
    ),
    case(
        "Tomasz will sign 10 Makaton words and point to 5 symbols on his board to make a "
        "request, by Easter.",
        SS,
    ),
    case("Ruby will type her name and log on to the laptop by herself by Christmas.", SS),
    case("I can count to 20. I can write my numbers to 10.", SS, ND),
    case("To spell 10 words from the Year 1 list by Easter. To read 3-letter words on sight.", SS),
    case(
        "Zainab will recognise 8 of 10 emotions from pictures as well as describe how she is "
        "feeling using a feelings chart, by Easter.",
        SS,
    ),
    case(
        "Lily will recall her 2, 5 and 10 times tables facts within 3 seconds, and also solve "
        "4 of 5 word problems using them, by the end of the summer term.",
        SS,
    ),
    case(
        "Ibrahim will copy his homework from the board into his planner each day; he will "
        "also pack his bag by himself at the end of the day, by October half term.",
        SS,
        today=AUTUMN,
    ),
    case(
        "Evie will hop on one foot for 5 hops and catch a beanbag 8 times out of 10 by the end "
        "of term.",
        SS,
    ),
    case(
        "Olly will subtract numbers within 20 using a number line as well as halving even "
        "numbers to 20, getting 8 of 10 correct, by Easter.",
        SS,
    ),
    case(
        "By February half term, Sam will give 3 reasons for his opinion in a class discussion "
        "and ask 1 question to a peer.",
        SS,
    ),
    case(
        "Noah will tell the time to the hour and half hour and convert 4 of 5 times to "
        "digital by Easter.",
        SS,
    ),
    case(
        "Within 8 weeks, Priya will ask to join a game at playtime on 3 days a week and invite "
        "a friend to play on 2 days a week.",
        SS,
    ),
    case(
        "Jayden will explain his feelings to a trusted adult and choose a calming strategy "
        "from his card, on 4 of 5 occasions by half term.",
        SS,
    ),
    case(
        "By Easter, Tomasz will write his name with correctly formed letters, and draw a "
        "person with a head, body, arms and legs.",
        SS,
        NM,
    ),
    case(
        "Sam will write a 5-sentence recount using time connectives, and he will also edit "
        "it for capital letters, by 27 March.",
        SS,
    ),
    case(
        "Leo will greet his teacher by saying 'good morning' and hang up his coat and bag "
        "without a reminder, on 4 of 5 days by half term.",
        SS,
    ),
    case(
        "To use a knife and fork to cut his food, as well as pouring his own drink, at "
        "lunchtime on 4 of 5 days by the end of term.",
        SS,
    ),
    case(
        "By Easter, Evie will read 30 tricky words on sight; she will also write 10 of them "
        "from memory.",
        SS,
    ),
    case(
        "Ruby will sing the days of the week song and order the 7 days of the week correctly "
        "by Easter.",
        SS,
    ),
    case(
        "Harvey will name 8 of 10 coins. He will add two coins to find a total within 20p, by "
        "the summer half term.",
        SS,
    ),
]

ONE_SKILL = [
    case(
        "By the end of term, Aisha will read and understand 3 simple instructions on her task "
        "board, in 4 of 5 lessons.",
        VV,
    ),
    case("Sam will read 20 CVC words with and without adult support by Easter."),
    case("Lily will make a collage of 5 pictures using scissors, glue and card by half term."),
    case(
        "By Easter, Noah will add two numbers within 10 using cubes and a number line, getting "
        "8 of 10 correct."
    ),
    case(
        "Maya will write her name correctly in 4 out of 5 lessons and on 3 days in a row, by "
        "Christmas.",
        today=AUTUMN,
    ),
    case("Jayden will follow 2-step instructions at home and at school on 4 of 5 days by Easter."),
    case(
        "By 27 March, Priya will put her hand up and wait for her turn before answering, in 4 "
        "of 5 lessons."
    ),
    case("Sam will read 20 CVC words by Easter. This will be checked each Friday by his TA."),
    case("Maya will count to 20 by Easter. She will do this without a number line."),
    case("By February half term, Ibrahim will write 3 sentences using his word mat and sound mat."),
    case(
        "Tomasz will spell 8 of his 10 weekly spellings correctly, at home as well as in his "
        "Friday test, by Easter."
    ),
    case(
        "Olly will read 10 Phase 2 words accurately, also when they appear in a sentence, by "
        "half term."
    ),
    case(
        "By Easter, Kacper will stop, think and choose a calm-down strategy from his card on 4 "
        "of 5 occasions."
    ),
    case(
        "Amelia will look at the speaker and take turns in a conversation of 4 exchanges, in 3 "
        "of 4 Talk Time sessions by Easter."
    ),
    case(
        "Zainab will listen to a short story and answer 2 questions about it, in 4 of 5 "
        "sessions by 13 March."
    ),
    case(
        "Harvey will write the date and the learning objective at the top of his page in 4 of "
        "5 lessons by Easter."
    ),
    case(
        "Freya will read aloud with expression and fluency to an adult for 5 minutes, 3 times "
        "a week, by Easter."
    ),
    case(
        "By Easter, Leo will tell an adult, using words or his symbol card, when he needs a "
        "break, on 4 of 5 occasions."
    ),
    case(
        "Ruby will read and follow a 3-step visual recipe in cooking club, 3 weeks in a row, "
        "by half term."
    ),
    case("Lily will sit and eat her lunch with her class for 20 minutes on 4 of 5 days by Easter."),
    case(
        "Within 6 weeks, Sam will answer 'who', 'what' and 'where' questions about a story in "
        "4 of 5 sessions."
    ),
    case(
        "By Easter, Jayden will use his timer and his now-and-next board to complete 3 short "
        "tasks in a row."
    ),
    case(
        "By Easter, Kacper will read 30 high-frequency words on sight. His parents will also "
        "practise them with him at home 3 times a week."
    ),
    case(
        "Olly will write his name, the date and the title on his work in 4 of 5 lessons by "
        "Christmas.",
        today=AUTUMN,
    ),
    case(
        "Maya will take her reading book home and bring it back every day for 2 weeks by half term."
    ),
    case("By Easter, Harvey will wash and dry his hands after using the toilet, every time."),
    case(
        "Ibrahim will line up, walk to the hall and sit on his spot in assembly, every day for "
        "2 weeks, by half term."
    ),
    case(
        "Noah will use a pencil grip and a sloping board to write 3 lines of text in 4 of 5 "
        "lessons by Easter."
    ),
    case(
        "By the end of the spring term, Evie will name 10 of 12 2D and 3D shapes when they are "
        "shown to her."
    ),
    case(
        "Amelia will read 20 of 25 Phase 3 words with her TA as well as with her class teacher "
        "by Easter."
    ),
    case(
        "Sam will count 10 objects accurately and consistently, touching each one once, by "
        "half term."
    ),
    case(
        "Priya will write her name and address on an envelope without copying, by the end of "
        "the summer term."
    ),
]


# Written after the rule was changed for the targets above, and scored once before any
# further change: the honest estimate of how it does on joins it was not built around.
FRESH = [
    case(
        "By Easter, Amira will write a list of 5 items for the class shop and count out coins "
        "to pay for 2 of them.",
        SS,
    ),
    case(
        "Dawid will retell a story using 4 picture cards; in addition, he will sequence 6 "
        "pictures of the story in order by half term.",
        SS,
    ),
    case(
        "Within 6 weeks, Grace will recognise the numerals 0 to 10 and match each one to a set "
        "of objects.",
        SS,
    ),
    case(
        "Mustafa will navigate the school independently to get to his lessons on time, plus "
        "carry his own equipment, by the end of the autumn term.",
        SS,
        today=AUTUMN,
    ),
    case("I can put my coat on by myself. I can also do up my zip.", SS, ND),
    case(
        "By the summer half term, Chloe will throw a ball underarm to a partner and then catch "
        "it 6 times out of 10.",
        SS,
    ),
    case(
        "Oskar will answer the register in Polish and in English, and say 'hello' to 2 "
        "classmates each morning, by Easter.",
        SS,
    ),
    case(
        "By 27 March, Kai will recall 10 number bonds to 10 within 3 seconds as well as using "
        "them to find 5 number bonds to 20.",
        SS,
    ),
    case(
        "Noor will learn to swim 10 metres unaided and to dress herself after swimming by the "
        "summer term.",
        VV,
        SS,
    ),
    case(
        "Jack will spell 15 of 20 Year 2 words correctly. In addition, he will write them in "
        "joined handwriting.",
        SS,
        ND,
    ),
    case(
        "Noor will hold a pencil correctly and form 8 of 10 letters in her name, by half term.",
        SS,
    ),
    case(
        "By Easter, Amira will write her name and her class's name on her work, in 4 of 5 lessons."
    ),
    case(
        "Hana will use her communication book to request a snack at break time. She will also "
        "request the toilet using a symbol, 4 of 5 times, by half term."
    ),
    case("Dawid will read 20 Polish and English words that match pictures, by half term."),
    case("By the end of term, Grace will count to 20 forwards and backwards without help."),
    case(
        "Toby will wait for his turn and then speak in a group discussion, in 3 of 4 sessions "
        "by Easter."
    ),
    case(
        "Chloe will complete her morning jobs (bag, coat and reading book) using a visual "
        "checklist, every day for 2 weeks by half term."
    ),
    case(
        "Oskar will follow the class rules in the classroom and on the playground, with no "
        "more than 1 reminder a day, by Christmas.",
        today=AUTUMN,
    ),
    case(
        "Kai will read 40 words per minute from a Year 2 text. His progress will be checked "
        "every 2 weeks by his TA.",
        ND,
    ),
    case(
        "Jack will take part in a 10-minute social skills group and say one thing about his "
        "weekend each week by Easter."
    ),
    case(
        "By Easter, Ruby will type 3 sentences on the laptop with capital letters and full stops."
    ),
    case(
        "Leo will ask for help with words or by showing his help card, on 4 of 5 occasions, by "
        "13 March."
    ),
    case(
        "Sam will practise his spellings at home and at school, getting 8 of 10 right in his "
        "Friday test by Easter."
    ),
]

# Written after the last change to the rule and scored once, with nothing changed after:
# the estimate to quote for targets it has not seen.
UNSEEN = [
    case(
        "By the end of Year 8, Ellie will plan a 3-paragraph answer using a writing frame and "
        "proofread it for 5 spelling errors.",
        SS,
    ),
    case(
        "Reuben will identify 3 features of a persuasive text and then write his own "
        "persuasive letter of 2 paragraphs by the end of the spring term.",
        SS,
    ),
    case(
        "Within 4 weeks, Layla will hang her coat on her peg and put her lunchbox on the "
        "trolley every morning."
    ),
    case(
        "Finn will say the days of the week in order; he will also name the months of the year "
        "by Easter.",
        SS,
        NM,
    ),
    case("By half term, Zara will use a calculator to check her answers to 10 division questions."),
    case(
        "Theo will walk sensibly to the dining hall and eat his lunch using a knife and fork, "
        "on 4 of 5 days by Easter."
    ),
    case("Amber will sort 20 objects by colour and size by the end of term."),
    case(
        "Connor will read a bus timetable to plan a journey and buy a ticket with the correct "
        "money by the end of Year 11.",
        SS,
        NM,
    ),
    case(
        "Jamal will type his homework on the school laptop and email it to his teacher by 27 "
        "March, for 4 of 5 homework tasks.",
        SS,
    ),
    case("By Easter, Eva will name 5 emotions and say what makes her feel each one.", SS),
    case(
        "Sophie will copy 3 sentences from the board with correct spacing between words, in 4 "
        "of 5 lessons by Easter."
    ),
    case(
        "Harry will recognise when he is getting angry and leave the room to use his calm "
        "space, on 4 of 5 occasions by 13 March.",
        SS,
    ),
    case(
        "By the end of the summer term, Poppy will write her full name and date of birth on a "
        "form without copying."
    ),
    case(
        "Ben will listen to a 2-step instruction and carry it out without a reminder in 4 of 5 "
        "lessons by Easter."
    ),
]

JOINED = TWO_SKILLS + ONE_SKILL + FRESH + UNSEEN
