// Top-level domains, to tell "mail.example.com" (meant absolute, missing its trailing dot)
// from "mail.internal" (a relative name). A static subset of the IANA root zone database
// (https://data.iana.org/TLD/tlds-alpha-by-domain.txt): the generic TLDs operators meet
// daily and the country-code TLDs.

const GENERIC = 'com net org edu gov mil int info biz name pro mobi asia tel travel jobs museum aero coop cat app dev io ai co me tv cc xyz online site cloud tech store shop blog page web services solutions systems network digital email host hosting link live news agency company group global world space website zone one top club design media studio center support software';

const COUNTRY =
  'ac ad ae af ag al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by bz ca cd cf cg ch ci ck cl cm cn cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu fi fj fk fm fo fr ga gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw arpa';

export const TLDS = new Set(`${GENERIC} ${COUNTRY}`.split(/\s+/));
