/**
 * English for the words of yeji-2023 (src/schemes/yeji-2023.ts), keyed by the Chinese as the scheme writes it: target,
 * indicator and table names, units, citations of the document's words, section titles and notes. Clause numbers, years
 * and common units are translated by rule in src/engine/i18n/scheme-words.ts and need no entry here. The names of the
 * responsible units (lead, co) and of the zones are names, like the user's own, and are not translated.
 */

export const yeji2023Glossary: Record<string, string> = {
  "叶集区2023年推进工业经济工作意见（目标跟踪）":
    "Yeji District 2023 opinions on advancing the industrial economy (target tracking)",
  "shared/policies/003_2d9d2f80ace67d2d.txt（六安市叶集区2023年实施绿色振兴赶超发展决定性工程推进工业经济工作意见）":
    "shared/policies/003_2d9d2f80ace67d2d.txt (Yeji District, Lu'an: opinions on advancing the industrial economy " +
    "in 2023 under the decisive project of green revitalisation and catching-up development)",
  新增规上工业企业: "new industrial enterprises above designated size",
  "二、工作目标": "§2 work objectives",
  "2023年新增规上工业企业15家以上": "at least 15 new industrial enterprises above designated size in 2023",
  规上工业产值: "output of industry above designated size",
  "实现规上工业产值增长12%以上": "growth of output of industry above designated size of at least 12%",
  规上工业总产值: "gross output of industry above designated size",
  规上工业总产值超过100亿元以上: "gross output of industry above designated size of more than 10 billion yuan",
  规上工业增加值: "value added of industry above designated size",
  "规上工业增加值增长10%以上": "value added of industry above designated size up by at least 10%",
  规下工业增加值: "value added of industry below designated size",
  "规下工业增加值增长6%以上": "value added of industry below designated size up by at least 6%",
  战略性新兴产业产值: "output of strategic emerging industries",
  "战略性新兴产业产值增长15%以上": "output of strategic emerging industries up by at least 15%",
  工业投资: "industrial investment",
  全年完成工业投资21亿元以上: "industrial investment of at least 2.1 billion yuan in the year",
  工业投资增速: "growth of industrial investment",
  "增长40%以上": "up by at least 40%",
  技改投资: "technical upgrading investment",
  全年完成技改投资11亿元以上: "technical upgrading investment of at least 1.1 billion yuan in the year",
  技改投资增速: "growth of technical upgrading investment",
  "增长50%以上": "up by at least 50%",
  "“工业赛马”市级表彰激励": 'city commendations in the "industrial horse race"',
  "力争年度内至少获得一次“工业赛马”市级表彰激励":
    'strive to win at least one city commendation in the "industrial horse race" in the year',
  新招引品牌家居企业: "brand home-furnishing enterprises newly attracted",
  力争新招引品牌家居企业5个以上: "strive to attract at least 5 new brand home-furnishing enterprises",
  新招引家居上下游企业: "upstream and downstream home-furnishing enterprises newly attracted",
  家居上下游企业10个以上: "at least 10 upstream and downstream home-furnishing enterprises",
  新引进10亿元以上化工项目: "new chemical projects of 1 billion yuan or more",
  全年新引进10亿元以上化工项目不少于3个: "at least 3 new chemical projects of 1 billion yuan or more in the year",
  新引进固投30亿元以上工业项目: "new industrial projects with fixed investment of 3 billion yuan or more",
  全年力争新引进固投30亿元以上工业项目2个:
    "strive for 2 new industrial projects with fixed investment of 3 billion yuan or more in the year",
  新引进固投50亿元以上工业项目: "new industrial projects with fixed investment of 5 billion yuan or more",
  固投50亿元以上工业项目1个: "1 industrial project with fixed investment of 5 billion yuan or more",
  落地开工亿元以上工业项目: "industrial projects of 100 million yuan or more landed and started",
  全年实现落地开工亿元以上工业项目10个以上:
    "at least 10 industrial projects of 100 million yuan or more landed and started in the year",
  亿元以上项目投产: "projects of 100 million yuan or more in production",
  实现亿元以上项目投产10个以上: "at least 10 projects of 100 million yuan or more put into production",
  新开工制造业项目投资: "investment in manufacturing projects newly started",
  "新开工制造业项目投资增长30%以上": "investment in manufacturing projects newly started up by at least 30%",
  月度纳规: "enterprises entering the statistics above designated size each month",
  实现月度纳规5个以上: "at least 5 enterprises entering the statistics above designated size each month",
  滚动实施技改项目: "technical upgrading projects carried out on a rolling basis",
  力争全年滚动实施20个以上技改项目:
    "strive to carry out at least 20 technical upgrading projects on a rolling basis in the year",
  培育转型示范企业: "transformation model enterprises fostered",
  全年培育转型示范企业20家左右: "about 20 transformation model enterprises fostered in the year",
  新型板材规上工业产值: "output of the new-type board industry above designated size",
  新型板材规上工业产值达到20亿元: "output of the new-type board industry above designated size to reach 2 billion yuan",
  传统企业转型升级比例: "share of traditional enterprises transformed and upgraded",
  "力争全年传统企业转型升级50%以上":
    "strive for at least 50% of traditional enterprises to be transformed and upgraded in the year",
  产值超3亿元企业: "enterprises with output over 300 million yuan",
  力争全年实现产值超3亿元企业5家: "strive for 5 enterprises with output over 300 million yuan in the year",
  产值超5亿元企业: "enterprises with output over 500 million yuan",
  产值超5亿元企业3家: "3 enterprises with output over 500 million yuan",
  入选全市民营工业百强: "enterprises among the city's top 100 private industrial enterprises",
  入选全市民营工业百强6家以上: "at least 6 enterprises among the city's top 100 private industrial enterprises",
  有研发投入规上工业企业: "industrial enterprises above designated size with R&D spending",
  力争全年实现有研发投入规上工业企业30家以上:
    "strive for at least 30 industrial enterprises above designated size with R&D spending in the year",
  规上工业企业研发经费支出: "R&D spending of industrial enterprises above designated size",
  "规上工业企业研发经费支出增长15%以上":
    "R&D spending of industrial enterprises above designated size up by at least 15%",
  规上工业企业新产品销售收入占比提高:
    "rise in the share of new-product sales of industrial enterprises above designated size",
  "提升规上工业企业新产品销售收入占比，实现增长3个百分点以上":
    "raise the share of new-product sales of industrial enterprises above designated size by at least 3 percentage " +
    "points",
  高新技术工业增加值: "value added of high-tech industry",
  "力争高新技术工业增加值增长20%以上": "strive for value added of high-tech industry up by at least 20%",
  培育高新技术企业: "high-tech enterprises fostered",
  全年培育高新技术企业10家以上: "at least 10 high-tech enterprises fostered in the year",
  认定高新技术企业: "high-tech enterprises recognised",
  认定高新技术企业5家以上: "at least 5 high-tech enterprises recognised",
  认定科技型中小企业: "technology-based SMEs recognised",
  认定科技型中小企业30家以上: "at least 30 technology-based SMEs recognised",
  新增专精特新培育企业: "new enterprises fostered as specialised, refined, distinctive and innovative",
  新增专精特新培育企业5家以上:
    "at least 5 new enterprises fostered as specialised, refined, distinctive and innovative",
  省市级专精特新企业: "provincial and city specialised, refined, distinctive and innovative enterprises",
  省市级专精特新企业2家以上:
    "at least 2 provincial or city specialised, refined, distinctive and innovative enterprises",
  "“5G+工业互联网”应用场景": '"5G + industrial internet" application scenarios',
  "力争打造“5G+工业互联网”应用场景1个以上":
    'strive to build at least 1 "5G + industrial internet" application scenario',
  数字化转型交流对接活动: "digital transformation exchange and matchmaking events",
  每年开展数字化转型解决方案交流和对接活动2次以上:
    "at least 2 exchange and matchmaking events on digital transformation solutions each year",
  推动企业上云: "enterprises moved to the cloud",
  力争推动企业上云5家以上: "strive to move at least 5 enterprises to the cloud",
  "省、市级智能工厂和数字化车间": "provincial and city smart factories and digital workshops",
  "力争实现省、市级智能工厂和数字化车间2家以上":
    "strive for at least 2 provincial or city smart factories and digital workshops",
  推广应用工业机器人: "industrial robots put into use",
  台: "units",
  推广应用工业机器人10台以上: "at least 10 industrial robots put into use",
  "省、市级绿色工厂": "provincial and city green factories",
  "力争培育省、市级绿色工厂2家以上": "strive to foster at least 2 provincial or city green factories",
  新建5G基站: "new 5G base stations",
  座: "stations",
  力争全年新建5G基站62座: "strive for 62 new 5G base stations in the year",
  省市级工业设计中心: "provincial and city industrial design centres",
  力争培育省市级工业设计中心2个以上: "strive to foster at least 2 provincial or city industrial design centres",
  "消费品“三品”示范企业、“安徽工业精品”":
    'consumer goods "three products" model enterprises and "Anhui industrial quality products"',
  "力争全年培育省市级消费品“三品”示范企业、“安徽工业精品”1家以上":
    'strive to foster at least 1 provincial or city consumer goods "three products" model enterprise or "Anhui ' +
    'industrial quality product" in the year',
  申报市级以上科技项目: "science and technology projects applied for at city level or above",
  "申报市级以上科技项目2-3个（按下限 2 个跟踪）":
    "2–3 science and technology projects applied for at city level or above (tracked at the lower bound, 2)",
  企业吸纳技术合同成交额: "value of technology contracts taken up by enterprises",
  企业吸纳技术合同成交额4亿元以上: "technology contracts of at least 400 million yuan taken up by enterprises",
  创建市级创新平台: "city innovation platforms created",
  "创建市级众创空间、科技企业孵化器、技术创新中心等创新平台1个以上":
    "create at least 1 city innovation platform such as a maker space, technology business incubator or technology " +
    "innovation centre",
  规模以上工业企业亩均税收: "tax revenue per mu of industrial enterprises above designated size",
  "力争规模以上工业企业亩均税收提升10%以上":
    "strive for tax revenue per mu of industrial enterprises above designated size up by at least 10%",
  化工项目开工建设: "chemical projects started",
  力争全年开工建设不少于3个: "strive to start at least 3 in the year",
  化工项目建成试产: "chemical projects completed and in trial production",
  建成试产不少于2个: "at least 2 completed and in trial production",
  "“二、工作目标”未列职责单位，按三(三)2（新增规上企业）所列单位，由区科技经信局牵头。":
    '"§2 work objectives" names no responsible units: those of §3(3)2 (new enterprises above designated size) are ' +
    "taken, led by the District Bureau of Science, Technology, Economy and Information Technology.",
  "“超过…以上”按严格大于理解；“以上/不少于/达到”按不低于理解；“左右”按 ±5% 区间（可改）。":
    '"More than … or above" is read as strictly more; "or above / not less than / reach" as at least; "about" as a ' +
    "band of ±5% (can be changed).",
  "增长类目标按上年同期累计计算增速；数量类目标按累计完成 ÷ 年度目标，与时序进度（已过月数 ÷ 12）比较。":
    "Growth targets are measured against the same period of last year, cumulatively; quantity targets as the " +
    "cumulative result ÷ the annual target, compared with the time elapsed (months passed ÷ 12).",
  "“月度纳规5个以上”、占比类目标不按时序进度，按当期是否达到判断。":
    '"At least 5 entering the statistics each month" and share targets are not compared with the time elapsed but ' +
    "judged by whether the period reaches them.",
};
