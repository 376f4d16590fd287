"""The gender a first name usually goes with, for "he said" / "she said" when the article itself never
says it (no "Mr."/"Ms.", no "Pike said she"): "Judge Richard Amos … He said" is Amos, not the woman
named between them.

A short hand-written list of common given names in English-language news, each one overwhelmingly
used for one gender. Names used for both ("Alex", "Jordan", "Kim", "Jean", "Andrea", "Nicola") are left
out on purpose: an unknown name fits either pronoun, which is what the resolver did before. The
article's own evidence always wins over this list (see SpeakerResolver.gender_of).
"""
from __future__ import annotations

# each list ends with names common in world news (South Asian, Arabic, African, European, Latin American)
_MALE = """
aaron abdul abdullah adam adrian ahmed ahmad alan albert alexander alfred alistair andrew angus anthony
antonio arthur barack ben benjamin bernard bernie bill billy bob boris brad brandon brendan brian bruce
bryan carl carlos charles christopher clive colin craig dale dan daniel darren dave david dean
dennis derek dmitry dominic don donald douglas duncan dylan ed eddie edward emmanuel eric ernest eugene
frank fred frederick gareth gary gavin geoff geoffrey george gerald gordon graham grant greg gregory hamid
harold harry hassan henry hugh hussein ian igor isaac ivan jack jacob jake james jamal jason jeff jeffrey
jeremy jerry jim jimmy joe joel john johnny jon jonathan jorge jose joseph josh joshua juan julian justin
karl keith ken kenneth kevin khalid kieran larry leo leonard liam lloyd louis luis luke malcolm
marco marcus mark martin matt matthew michael mike mitch mohammed muhammad mohammad nathan neil nicholas
nick nigel noah oliver omar oscar owen patrick paul pedro peter philip phil rafael ralph ray raymond
richard rick robert roger ronald roy russell ryan samuel scott sean sergei simon stanley stephen
steve steven stuart ted thomas tim timothy toby todd tom tommy tony trevor victor vincent vladimir
walter warren wayne william xavier yusuf zachary
abdel alejandro alexei amit andres andriy arjun bashar dieter diego dmitri eduardo emeka fernando francesco
francois giovanni giuseppe gustavo hamza hans ibrahim imran jacques jair javier jens karim klaus kwame lars
mahmoud mateo matteo miguel mikhail mohamed mustafa narendra nelson nikolai olaf oleksandr olusegun petro
pierre rahul raj recep ricardo rishi rodrigo sanjay sergio sven tariq uhuru vikram viktor volodymyr wolfgang
yair yevgeny youssef yves
"""
_FEMALE = """
abigail ada agnes aileen alice alicia alison amanda amber amelia amy ana angela angelina ann anna anne
annie barbara beatrice bernadette beth betty beverley beverly bridget carla carol caroline catherine
cathy charlotte chelsea cheryl christina christine claire clara claudia colleen cynthia daisy debbie
deborah denise diana diane donna doris dorothy eileen elaine eleanor elena elizabeth ella ellen emily
emma erin esther eva eve fatima fiona florence frances gemma georgia gillian gloria grace hannah
harriet heather helen helena hillary holly ingrid irene isabel isabella jacqueline jane janet janice
jennifer jenny jessica jill joan joanna josephine joyce judith judy julia julie karen kate katherine
kathleen kathryn katie kay kirsty laura lauren leah linda lisa liz lorraine louise lucy lydia
lynn madeleine maggie margaret maria marie martha mary maureen megan melanie melissa michelle
mildred miriam molly monica nadia nancy naomi natalie natasha nicole nina olga olivia pamela patricia
paula pauline penny priya rachel rebecca rita rose rosemary ruth sally samantha sandra sarah sharon
sheila shirley sophia sophie stella stephanie susan suzanne sylvia tamara teresa theresa tina tracey
ursula valerie vanessa victoria virginia wendy yvonne zoe
aisha amina anita ayesha beatriz carmen chioma chloe deepa fernanda gabriela giorgia ines irina jacinda kamala
kavita layla lucia mariam marta maryam meera ngozi sara sofia sunita svetlana tatiana yasmin yulia zainab zara
"""
# more given names common in US and UK news, added when the first list left a third of the he/she a reviewer
# sees unresolved or given to a run of capitals ("Carly Fiorina", "Robby Mook", "Melania", "Reince Priebus")
_MALE_MORE = """
aidan alec alfonso ali allen alvin andre andy angelo anton archie arnold asher austin barry bennett blake
bobby boyd brady brent brett brock bruno bryce buck burt byron caleb calvin cecil cedric chad charlie chester
christian clarence clark clay clayton cliff clifford clint clyde cody conrad corey cory curtis cyrus dalton
damian damon danny darius darrell darryl derrick desmond devin dewayne dick dirk dominick donnie doug drew
duane dustin dwayne dwight earl edgar edwin eli elijah elliot elliott elmer elton emil emilio enrique ernie
ethan evan everett ezra felix floyd forrest francis franklin freddie gabriel garrett gene gil gilbert glen
glenn grady grover guy hank harlan harrison harvey hector herbert herman homer horace howard hunter irving
irwin isaiah jackson jared jay jeb jed jesse jesus joey jonah julio kareem keenan kelvin kent kirk kurt kyle
lamar lance lawrence leon leroy lester lewis lonnie lou lowell lucas luther lyle mack manuel marc mario
marshall marty marvin mason maurice max maxwell melvin mickey miles milton mitchell monte morris moses murray
myron nate ned newt nolan norman ollie orlando otis otto percy perry pete preston quentin quincy randall
randy reed reggie reginald reid reince rex rhett ricky rob robbie robby rocco rod rodney roland rolf ron
ronnie ross rudy rufus rupert russ rusty sal salvatore saul seth shane shaun shawn sherman sid sidney sol
spencer stan sterling terrence thad theo theodore tobias trent trey troy tucker tyler tyrone vance vaughn
vern vernon vic wade wallace ward wes wesley wilbur will willard willie wilson winston woody wyatt zach zeke
"""
_FEMALE_MORE = """
abby adele adriana agatha alana alexandra alexa alma alyssa amalia anastasia angelica angie annette
antoinette april arlene audrey ava barb becky belinda bella bernice bertha betsy bianca blanche bonnie brenda
brianna brianne bridgette brittany brooke caitlin callie camila candace candice carly carolyn carrie
cassandra cassie catalina cecilia celeste celia chantal charlene cindy clarissa claudette connie constance
cora corinne courtney crystal daniela danielle darlene dawn delia della delores desiree dina dolores dora
edith edna eliza ellie elise eloise elsa elsie emilia erica erika estelle ethel eunice evelyn faith felicia
felicity fern flora francesca gail gayle geneva genevieve georgina geraldine gertrude gina ginger gladys
glenda gwen gwendolyn hattie hazel heidi hilda hope huma ida ilana imogen irma isabelle ivanka ivy jackie
jana janelle janie jasmine jeanette jeanne jenna joann joanne jodi johanna jolene josie joy juanita julianne
juliet june justine kaitlyn kara karla katharine kathy katrina kayla keisha kellyanne kendra kimberly
kristen kristin kristina krista lacey lana latoya laurie leila lena lila lillian lily lindsay loretta lori
lorna louisa lucille lucinda luisa mabel mackenzie mae mamie mandy marcia margo marguerite marian marianne
marilyn marina marjorie marlene marsha meghan melania melinda mercedes meredith mia michele millie mindy
minnie mona muriel myra nadine nellie nikki nora norma olive opal paige patsy patty peggy phoebe phyllis
polly priscilla rachael ramona raquel regina renee rhonda roberta rochelle rosa rosalind rosie roxanne ruby
sabrina sadie selena serena shauna sherry sherri sierra simone sonia sonya stacey stacy sue susie tammy
tanya tara teri tess thelma tiffany toni tonya trudy valentina vera veronica vicki vickie viola violet
vivian wanda whitney wilma winifred yolanda
"""
MALE_NAMES = frozenset(_MALE.split() + _MALE_MORE.split())
FEMALE_NAMES = frozenset(_FEMALE.split() + _FEMALE_MORE.split())


def gender_of_given_name(name: str) -> str | None:
    """"m" or "f" for "Richard Amos" / "Karen Wu"; None for a surname alone or a name used for both."""
    words = name.split()
    if len(words) < 2:
        return None  # "Amos" alone: no first name to go by
    first = words[0].strip(".,’'").lower()
    if first in MALE_NAMES:
        return "m"
    if first in FEMALE_NAMES:
        return "f"
    return None
