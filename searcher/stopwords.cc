#include "searcher/stopwords.h"

#include "analyzers/analyzer.h"

namespace naviny {

// Words that are also names or topic words in another corpus language are left out: English
// "may" (Theresa May), German "war" (English war).
const std::vector<std::pair<std::string_view, std::string_view>>& stopword_table() {
  static const std::vector<std::pair<std::string_view, std::string_view>> table{
      {"en",
       "them him then now here the a an and or but of to in on at for with by from as is are was "
       "were be been being it its this that these those he she they we you his her their our not "
       "no so if than then there which who whom what when where while also has have had will "
       "would can could might should into about after before over under more most such only "
       "other some any all each do does did just up out very said says"},
      {"de",
       "dann jetzt hier alle kann sehr der die das den dem des ein eine einen einem einer und "
       "oder aber im an am auf für mit von vom zu zum zur bei aus nach über unter ist sind waren "
       "wird werden hat haben sich nicht auch als wie dass es er sie wir ihr sein seine ihre "
       "noch nur schon um durch"},
      {"ru",
       "того этого этом тем чем потом нет ни тоже сейчас здесь всех всего весь вся кто чего них "
       "ним сам сама очень и в во не что он она оно они на я с со как а то все всё так его ее её "
       "их но да ты к у же вы за бы по от из о об для до при после также это этот эта эти тот та "
       "те который которая которое которые был была было были быть будет будут есть или ли уже "
       "только еще ещё даже чтобы если когда где там тут мы вас нас им ему ей себя свой своей "
       "свои своих более может можно над под между через против около заявил сообщил"},
      {"uk",
       "того цього цьому тому потім теж зараз тут усі всі все хто дуже і й та в у на з із зі до "
       "від для по про при після що як це цей ця ці той ті який яка яке які він вона воно вони "
       "ми ви не ні але або чи вже також ще лише тільки був була було були бути буде будуть є "
       "його її їх щоб якщо коли де там між через проти під над заявив"},
      {"be",
       "таго гэтага потым цяпер тут усе ўсе вельмі і й ды ў у на з са да ад для па пра пры пасля "
       "што як гэта гэты гэтая гэтыя той тая тыя які якая якое якія ён яна яно яны мы вы не ні "
       "але або ці ўжо таксама яшчэ толькі быў была было былі быць будзе ёсць яго яе іх каб калі "
       "дзе там паміж праз супраць пад над"},
      {"bg",
       "тогава сега тук всички всичко може много и в във на с със за от до по при след че като "
       "това този тази тези който която което които той тя то те ние вие не ни но или ли вече "
       "също още само е са бе беше бяха бил била било били ще има да се му ѝ им ги го я си своя "
       "свои където когато там между през срещу под над към каза"},
      {"pl",
       "tego potem teraz tu tutaj wszystko wszyscy może można bardzo i w we na z ze do od dla po "
       "o przy przez za pod nad przed między że jak to ten ta te tego tej tym który która które "
       "którzy jego jej ich on ona ono oni my wy nie ale lub albo czy już także również jeszcze "
       "tylko był była było byli być będzie są jest się sobie swój swoje gdy jeśli gdzie tam "
       "oraz a aby bo co też"},
      {"cs",
       "toho tomu potom teď tady vše všechno může lze velmi a i v ve na s se z ze do od pro po o "
       "při přes za pod nad před mezi že jak to ten ta ty toho té tom který která které kteří "
       "jeho její jejich on ona ono oni my vy ne ale nebo či už také ještě jen byl byla bylo "
       "byli být bude jsou je jsem si své svůj když pokud kde tam aby by podle však"},
      {"sl",
       "potem zdaj tukaj vse vsi lahko zelo in v na z s iz do od za po o pri pred med da kot to "
       "ta te tega tej tem ki ga jo jih njegov njen on ona ono oni mi vi ne ni ali pa že tudi še "
       "samo bil bila bilo bili biti bo bodo so je sem se si svoj ko če kjer tam ter kar"},
  };
  return table;
}

std::unordered_set<std::string> stopword_search_forms(Analyzer& analyzer) {
  std::unordered_set<std::string> forms;
  for (const auto& [language, words] : stopword_table()) {
    analyzer.analyze_text(words, [&](const Token&, const WordForms& word) {
      if (!word.search.empty()) forms.insert(word.search);
    });
  }
  return forms;
}

}  // namespace naviny
