"""The demo school's target bank in every school language, and the words of its shared
plans that are the pupil's own (where they are now, how we will know): written once by
people who speak Welsh, Polish and Urdu, short and plain; the child-friendly words are a
child's. ``{name}`` is where the pupil's first name goes.

Urdu targets are written as "{name}'s target: <doing something>" and children's words as
"مجھے … آتا ہے" ("I know how to …"): both read the same for a girl and a boy. Polish and
Welsh avoid gendered forms the same way ("będzie liczyć", "umiem", "cau'r got")."""

from __future__ import annotations

# area -> language -> (SMART wording, child-friendly, how it is taught, what helps at home)
BANK = {
    "reading": {
        "en": (
            "By the review, {name} will read 40 of the 45 Year 1 common exception words "
            "correctly on two checks in a row.",
            "I can read 40 tricky words.",
            "5 new words a day on flash cards; the words go home on a key ring.",
            "Read the key-ring words together at bedtime.",
        ),
        "cy": (
            "Erbyn yr adolygiad, bydd {name} yn darllen 40 o'r 45 gair eithriad cyffredin "
            "Blwyddyn 1 yn gywir mewn dau brawf yn olynol.",
            "Dw i'n gallu darllen 40 gair anodd.",
            "5 gair newydd bob dydd ar gardiau fflach; mae'r geiriau'n mynd adref ar gylch "
            "allweddi.",
            "Darllenwch eiriau'r cylch allweddi gyda'ch gilydd amser gwely.",
        ),
        "pl": (
            "Do przeglądu {name} przeczyta poprawnie 40 z 45 trudnych słów z listy dla "
            "1. klasy w dwóch kolejnych sprawdzianach.",
            "Umiem przeczytać 40 trudnych słów.",
            "Codziennie 5 nowych słów na kartach; słowa idą do domu na kółku na klucze.",
            "Czytajcie razem słowa z kółka przed snem.",
        ),
        "ur": (
            "جائزے تک {name} کا ہدف: پہلی جماعت کے 45 مشکل الفاظ میں سے 40 الفاظ لگاتار دو "
            "جانچوں میں درست پڑھنا۔",
            "مجھے 40 مشکل الفاظ پڑھنا آتا ہے۔",
            "روزانہ فلیش کارڈز پر 5 نئے الفاظ؛ الفاظ چابی کے چھلے پر گھر جاتے ہیں۔",
            "سونے سے پہلے چھلے والے الفاظ مل کر پڑھیں۔",
        ),
    },
    "maths": {
        "en": (
            "By the review, {name} will count on from any number to 20 without a number line "
            "in 4 of 5 lessons.",
            "I can count on to 20.",
            "Counting songs every morning; a bead string on the desk.",
            "Count steps, stairs or toys together, up to 20.",
        ),
        "cy": (
            "Erbyn yr adolygiad, bydd {name} yn cyfrif ymlaen o unrhyw rif i 20 heb linell "
            "rif mewn 4 o bob 5 gwers.",
            "Dw i'n gallu cyfrif ymlaen i 20.",
            "Caneuon cyfrif bob bore; llinyn gleiniau ar y ddesg.",
            "Cyfrwch gamau, grisiau neu deganau gyda'ch gilydd, hyd at 20.",
        ),
        "pl": (
            "Do przeglądu {name} będzie liczyć dalej od dowolnej liczby do 20 bez osi "
            "liczbowej na 4 z 5 lekcji.",
            "Umiem liczyć dalej do 20.",
            "Codziennie rano piosenki o liczeniu; liczydło z koralików na ławce.",
            "Liczcie razem kroki, schody albo zabawki, do 20.",
        ),
        "ur": (
            "جائزے تک {name} کا ہدف: 5 میں سے 4 اسباق میں نمبر لائن کے بغیر کسی بھی عدد سے 20 "
            "تک آگے گننا۔",
            "مجھے 20 تک آگے گننا آتا ہے۔",
            "ہر صبح گنتی کے گیت؛ میز پر موتیوں کی لڑی۔",
            "مل کر قدم، سیڑھیاں یا کھلونے 20 تک گنیں۔",
        ),
    },
    "friends": {
        "en": (
            "By the review, {name} will ask a friend to join a game at 3 playtimes a week.",
            "I can ask a friend to play.",
            "A playground buddy; practise what to say in a small group.",
            "Practise asking “Can I play too?” at home or at the park.",
        ),
        "cy": (
            "Erbyn yr adolygiad, bydd {name} yn gofyn i ffrind ymuno â gêm ar 3 amser chwarae "
            "yr wythnos.",
            "Dw i'n gallu gofyn i ffrind chwarae.",
            "Ffrind chwarae ar yr iard; ymarfer beth i'w ddweud mewn grŵp bach.",
            "Ymarferwch ofyn “Ga i chwarae hefyd?” gartref neu yn y parc.",
        ),
        "pl": (
            "Do przeglądu {name} będzie zapraszać kogoś do wspólnej zabawy na 3 przerwach "
            "w tygodniu.",
            "Umiem zaprosić kogoś do zabawy.",
            "Kolega do zabawy na boisku; ćwiczenie w małej grupie, co powiedzieć.",
            "Ćwiczcie pytanie „Czy mogę się z wami pobawić?” w domu albo w parku.",
        ),
        "ur": (
            "جائزے تک {name} کا ہدف: ہفتے میں 3 کھیل کے وقفوں میں کسی دوست سے کھیل میں شامل "
            "ہونے کو کہنا۔",
            "مجھے دوست سے کھیلنے کو کہنا آتا ہے۔",
            "کھیل کے میدان میں ایک ساتھی؛ چھوٹے گروپ میں مشق کہ کیا کہنا ہے۔",
            "گھر یا پارک میں “کیا میں بھی کھیلوں؟” پوچھنے کی مشق کریں۔",
        ),
    },
    "myself": {
        "en": (
            "By the review, {name} will put on and fasten their coat without adult help at "
            "4 of 5 home times.",
            "I can put my coat on by myself.",
            "Picture steps by the pegs; practise with a big zip.",
            "Each morning, let your child try the zip first before you help.",
        ),
        "cy": (
            "Erbyn yr adolygiad, bydd {name} yn gwisgo ac yn cau'r got heb help oedolyn ar "
            "4 o bob 5 amser mynd adref.",
            "Dw i'n gallu gwisgo fy nghot fy hun.",
            "Camau mewn lluniau wrth y pegiau; ymarfer gyda sip mawr.",
            "Bob bore, gadewch i'ch plentyn drio'r sip yn gyntaf cyn i chi helpu.",
        ),
        "pl": (
            "Do przeglądu {name} będzie zakładać i zapinać kurtkę bez pomocy dorosłego przy "
            "4 z 5 wyjść do domu.",
            "Umiem założyć kurtkę bez pomocy.",
            "Obrazki z kolejnymi krokami przy wieszakach; ćwiczenie z dużym zamkiem.",
            "Co rano pozwólcie dziecku najpierw samemu spróbować zapiąć zamek.",
        ),
        "ur": (
            "جائزے تک {name} کا ہدف: گھر جانے کے 5 میں سے 4 وقتوں پر بڑوں کی مدد کے بغیر کوٹ "
            "پہننا اور بند کرنا۔",
            "مجھے اپنا کوٹ خود پہننا آتا ہے۔",
            "کھونٹیوں کے پاس تصویروں میں مراحل؛ بڑی زِپ سے مشق۔",
            "ہر صبح مدد کرنے سے پہلے بچے کو خود زِپ بند کرنے دیں۔",
        ),
    },
    "talking": {
        "en": (
            "By the review, {name} will tell a 3-part news story (who, where, what happened) "
            "to their group in 4 of 5 news times.",
            "I can tell my news to my group.",
            "Colour cards for who, where and what; practise with a friend first.",
            "At tea time, ask: who was there, where was it, what happened?",
        ),
        "cy": (
            "Erbyn yr adolygiad, bydd {name} yn adrodd newyddion mewn 3 rhan (pwy, ble, beth "
            "ddigwyddodd) i'r grŵp mewn 4 o bob 5 amser newyddion.",
            "Dw i'n gallu dweud fy newyddion wrth fy ngrŵp.",
            "Cardiau lliw ar gyfer pwy, ble a beth; ymarfer gyda ffrind yn gyntaf.",
            "Amser te, gofynnwch: pwy oedd yno, ble oedd e, beth ddigwyddodd?",
        ),
        "pl": (
            "Do przeglądu {name} będzie opowiadać swojej grupie wiadomość z 3 części (kto, "
            "gdzie, co się stało) w 4 z 5 porannych spotkań.",
            "Umiem opowiedzieć grupie, co u mnie słychać.",
            "Kolorowe karty: kto, gdzie, co; najpierw ćwiczenie z kolegą lub koleżanką.",
            "Przy kolacji zapytajcie: kto tam był, gdzie to było, co się stało?",
        ),
        "ur": (
            "جائزے تک {name} کا ہدف: 5 میں سے 4 خبر کے اوقات میں اپنے گروپ کو 3 حصوں میں خبر "
            "سنانا (کون، کہاں، کیا ہوا)۔",
            "مجھے اپنے گروپ کو اپنی خبر سنانا آتا ہے۔",
            "کون، کہاں اور کیا کے لیے رنگین کارڈ؛ پہلے کسی دوست کے ساتھ مشق۔",
            "شام کے کھانے پر پوچھیں: وہاں کون تھا، یہ کہاں ہوا، کیا ہوا؟",
        ),
    },
    "feelings": {
        "en": (
            "By the review, {name} will show a red card to an adult and go to the calm corner, "
            "on their own, on 4 of 5 loud days.",
            "I can show my red card when it is too loud.",
            "A red card on the table; a calm corner with ear defenders.",
            "Agree a quiet place at home your child can go to when it is too loud.",
        ),
        "cy": (
            "Erbyn yr adolygiad, bydd {name} yn dangos cerdyn coch i oedolyn ac yn mynd i'r "
            "gornel dawel, heb help, ar 4 o bob 5 diwrnod swnllyd.",
            "Dw i'n gallu dangos fy ngherdyn coch pan mae'n rhy swnllyd.",
            "Cerdyn coch ar y bwrdd; cornel dawel gydag amddiffynwyr clust.",
            "Cytunwch ar le tawel gartref y gall eich plentyn fynd iddo pan mae'n rhy swnllyd.",
        ),
        "pl": (
            "Do przeglądu {name} będzie pokazywać dorosłemu czerwoną kartkę i samodzielnie "
            "iść do cichego kącika w 4 z 5 głośnych dni.",
            "Umiem pokazać czerwoną kartkę, kiedy jest za głośno.",
            "Czerwona kartka na stoliku; cichy kącik ze słuchawkami wyciszającymi.",
            "Ustalcie w domu ciche miejsce, do którego dziecko może pójść, kiedy jest za głośno.",
        ),
        "ur": (
            "جائزے تک {name} کا ہدف: 5 میں سے 4 شور والے دنوں میں کسی بڑے کو لال کارڈ دکھانا "
            "اور خود پُرسکون کونے میں جانا۔",
            "جب بہت شور ہو تو مجھے اپنا لال کارڈ دکھانا آتا ہے۔",
            "میز پر ایک لال کارڈ؛ شور روکنے والے ہیڈفون کے ساتھ ایک پُرسکون کونا۔",
            "گھر میں ایک پُرسکون جگہ طے کریں جہاں بچہ بہت شور ہونے پر جا سکے۔",
        ),
    },
}

# The shared plans' own words (where the pupil is now; how we will know), by language.
PLAN_WORDS = {
    "Tells news with 1 part when an adult asks questions.": {
        "cy": "Mae'n dweud newyddion mewn 1 rhan pan mae oedolyn yn gofyn cwestiynau.",
        "pl": "Opowiada wiadomość z 1 części, kiedy dorosły zadaje pytania.",
        "ur": "کسی بڑے کے سوال پوچھنے پر خبر کا 1 حصہ سنانا۔",
    },
    "Counts on to 10 with a number line.": {
        "cy": "Yn cyfrif ymlaen i 10 gyda llinell rif.",
        "pl": "Liczy dalej do 10 z osią liczbową.",
        "ur": "نمبر لائن کے ساتھ 10 تک آگے گننا۔",
    },
    "Plays alone at most playtimes.": {
        "cy": "Yn chwarae heb neb arall ar y rhan fwyaf o amseroedd chwarae.",
        "pl": "Na większości przerw bawi się w pojedynkę.",
        "ur": "زیادہ تر کھیل کے وقفوں میں اکیلے کھیلنا۔",
    },
    "Covers his ears and shouts when the class is loud.": {
        "cy": "Mae'n cau ei glustiau ac yn gweiddi pan mae'r dosbarth yn swnllyd.",
        "pl": "Zakrywa uszy i krzyczy, kiedy w klasie jest głośno.",
        "ur": "جب کلاس میں شور ہو تو کان بند کرنا اور چیخنا۔",
    },
    "Seen on two checks a week apart.": {
        "cy": "Wedi'i weld mewn dau brawf wythnos ar wahân.",
        "pl": "Widać to w dwóch sprawdzianach w odstępie tygodnia.",
        "ur": "ایک ہفتے کے وقفے سے دو جانچوں میں دیکھا گیا۔",
    },
}
