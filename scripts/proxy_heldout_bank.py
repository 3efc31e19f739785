"""A stand-in for the corpus generator's held-out phrase bank, written by this project.

The corpus's held-out set (the dev skins drawn in another font, with another
phrase bank, more dark pages, more JPEG and downscaling) is kept from us. Its
generator is in ``../shared/corpus/generate.py`` and needs a bank module with
the dev bank's keys and disjoint contents. This is one: every name, platform
and sentence below is invented for it and none is in the dev bank; the body
text is drawn in WenQuanYi (``fonts-wqy-microhei``, ``fonts-wqy-zenhei``), a
family the dev set never uses. It measures what the issue's "another font and
phrase bank" row measures, on screens we may look at:

    sudo apt-get install fonts-noto-cjk fonts-wqy-microhei fonts-wqy-zenhei
    python ../shared/corpus/generate.py --variant heldout --bank scripts/proxy_heldout_bank.py \\
        --seed 101 --count 48 --out /tmp/proxy
    python -m cli extract --out /tmp/proxy-pred /tmp/proxy/*.png /tmp/proxy/*.jpg
    python ../shared/corpus/score.py /tmp/proxy /tmp/proxy-pred

Not used by the tests (the generator and its fonts are not in a user's clone).
"""

BODY_FONTS = [
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
]

BANK = {
    "platforms": ["蓝鲸快贷", "星河分期", "柠檬借呗", "云帆钱袋", "飞鱼易借", "百合信用", "旺财花", "速达金融"],
    "borrowers": ["李文博", "何晓峰", "蒋雪梅", "邓志刚", "许佳琪", "韩冬", "冯敏", "彭俊杰", "曹颖", "罗建华"],
    "contacts": [("何国强", "父亲"), ("邓桂兰", "母亲"), ("曾凡", "同事"), ("许丽", "妻子"),
                 ("何小雨", "姐姐"), ("唐亮", "朋友"), ("罗秀珍", "母亲"), ("韩峰", "弟弟")],
    "collectors": ["贷后部钱经理", "催收组小刘", "法务专员冯律师", "回款中心郭主管", "客服专员小吴",
                   "外访组马组长", "清收部何经理", "调解员小唐"],
    "saved_names": ["催款-钱经理", "陌生号码", "贷后小刘", "别接", "催债2", "快贷催收", "郭主管(贷)", "钱经理"],
    "family_names": ["老妈", "老爸", "媳妇", "姐", "小雨"],
    "member_names": ["唐亮", "老何", "阿梅", "许丽", "佳琪同学", "马叔", "Tony", "小峰"],
    "group_names": ["{name}赖账公示群", "{name}欠债通知群", "{platform}还款协商群", "{name}家人群"],
    "addresses": ["浙江省温州市鹿城区人民路120号", "山东省青岛市市南区香港中路9号", "广西南宁市青秀区民族大道33号",
                  "安徽省合肥市蜀山区长江西路56号", "贵州省贵阳市云岩区中华北路21号"],
    "courts": ["鹿城区人民法院", "市南区人民法院", "青秀区人民法院", "蜀山区人民法院"],
    "banks": ["交通银行", "邮储银行", "浦发银行", "兴业银行", "民生银行"],
    "apps": ["拼多多", "抖音", "饿了么", "携程旅行", "小红书"],
    "places": ["浙江温州", "山东青岛", "广西南宁", "安徽合肥", "贵州贵阳", "云南昆明", "陕西西安", "天津",
               "河北石家庄", "辽宁沈阳", "吉林长春", "黑龙江哈尔滨", "甘肃兰州", "海南海口"],
    "carriers": ["移动", "联通", "电信"],
    "call_tags": ["催收号码", "疑似骚扰", "被56人标记为骚扰", "贷款推销", "响一声"],
    "notice": [
        "【{platform}】{name}先生/女士，您的账单已逾期{days}天，待还{amount}元，请今天内处理，避免产生不良记录。",
        "【{platform}】您好，您名下的借款{amount}元已超过还款日，系统将每日计收罚息，请尽快还款。",
        "【{platform}】您尾号{card4}的还款账户余额不足，今日代扣未成功，请及时存入{amount}元。",
        "【{platform}】{name}（证件号{id_masked}）的欠款已移交第三方机构处理，请于{due}前致电{phone}协商。",
        "【{platform}】您的逾期案件材料已整理完毕，拟向{court}提起诉讼，请尽快与我们联系。",
        "【{platform}】重要提醒：逾期{days}天未处理，我方将通知您预留的全部联系人。",
        "【{platform}】本期应还{amount}元，最后还款日{due}，如已还款请忽略本短信。",
        "【{platform}】{name}您好，您的分期账单仍未结清，拒不还款将承担相应法律责任。回复TD退订",
    ],
    "collector": [
        "{name}，{amount}块钱拖了{days}天了，今天给个准话。",
        "{name}，你在{platform}的欠款今晚十二点前必须到账，过了时间别怪我们不客气。",
        "我是{platform}{collector}，请你本人尽快回电{phone}，逾期不回电视为拒绝协商。",
        "{name}，我们马上联系你的{relation}{contact}，让全家都知道你借钱不还。",
        "再拖下去，你手机通讯录里的每个人明天都会收到短信。",
        "你{relation}{contact}已经接过我们电话了，你还躲？",
        "你的通讯录{n_contacts}个号码我们都导出来了，今晚群发。",
        "你公司前台电话我们有了，明天打到你们老板那里。",
        "借的时候好好的，还的时候就失联？",
        "你一家子的脸都被你丢光了。",
        "几百块钱都还不上，你还有什么脸？",
        "躲是没用的，换十个号也找得到你。",
        "{name}，证件号{id}，{platform}借款{amount}元逾期{days}天，后果你自己想清楚。",
        "住址{address}，证件{id}，你的资料我们一清二楚。",
        "你名下的银行卡{card}我们正在走冻结程序。",
        "{name}，你的自拍和身份证照片我们会发到你老家的微信群。",
        "明天早上我们的人去{address}找你父母谈谈。",
        "你这是故意不还，已经构成诈骗，我们准备去派出所报案。",
        "律师函明天寄到你单位，你自己看着办。",
        "人呢？",
        "说话！",
        "钱准备好了没？",
        "中午十二点前转过来",
        "速回",
        "接电话，别逼我。",
        "一个小时内不回复，我就开始联系你的亲戚。",
    ],
    "family": [
        "您好，您{relation2}{name}在我司的借款已逾期，他留了您的电话作为紧急联系人，请让他回电。",
        "{name}家属您好，{name}拖欠我司{amount}元一直不处理，请家人协助，不然我们只能上门。",
        "你是{name}的{relation2}吗？他欠钱不还人跑了，你们家里人管不管？",
        "【{platform}】{name}（证件{id_masked}）留您为联系人，其借款逾期{days}天未还，请转告本人。",
        "你们家{name}借了一堆网贷不还，当父母的就这么看着？",
        "{name}欠款拒不归还，已经上了黑名单，请让他今天打{phone}。",
        "告诉{name}，再不还钱我们把他的事情发到你们单位群里。",
        "您好，冒昧打扰，我是{platform}的，请问{name}是您什么人？",
    ],
    "replies": [
        "我会想办法还，别再骚扰我家里人。",
        "我真的拿不出来，能不能少还一点？",
        "你们收的服务费根本不合法。",
        "你们的催收方式违法，我已经保存证据。",
        "月底发工资一定还，再宽限几天。",
        "不要再联系我的朋友了，你们这是侵犯个人信息。",
        "我已经打12378投诉了。",
        "收到",
        "你哪位？",
        "本金早就还完了，剩下的是高利贷。",
        "把借款合同和还款记录发给我。",
        "不要再发了",
        "在开会，稍后联系。",
        "你再骂人我就去派出所。",
    ],
    "family_replies": [
        "不认识，别再发了。",
        "他欠的钱和我们无关，请直接找他。",
        "再骚扰我就打110。",
        "聊天记录我都保存了。",
        "我会跟他说的。",
        "请出示你们公司的资质证明。",
    ],
    "chat": [
        "哥们，今天能还上吗？",
        "{platform}的账今天必须清，不然我建群了。",
        "群已经拉好了，你家人朋友都在，你自己掂量。",
        "今晚九点前是最后机会。",
        "消息不回电话不接，到底想干嘛？",
        "二维码发你了，转{amount}就算结清。",
        "拉黑我也没用，我们号码多得是。",
        "你{relation}说你出差了，那我去你公司等你。",
        "{name}，证件号{id}，认识吗？",
        "今天不处理，你的好友明天都会看到你的欠款记录。",
    ],
    "group_collector": [
        "各位，本群{name}（证件{id}）在我司借款{amount}元逾期不还，请大家帮忙督促。",
        "这是{name}的身份证照片，认识他的请转告。",
        "@{name} 赶紧出来处理，别躲着。",
        "他亲戚朋友都在这个群，今天不还天天发。",
        "{name}，老家地址{address}，欠款{amount}元，逾期{days}天。",
    ],
    "group_member": [
        "谁拉我进来的？",
        "这人我不熟",
        "麻烦把我踢出去",
        "你们这是犯法的",
        "已经投诉了",
        "{name}你赶紧处理吧",
    ],
    "benign": [
        ("bank", "【{bank}】您账户{card4}于{mmdd}消费{amount}元，可用余额{amount2}元。"),
        ("app", "【{app}】您的登录验证码为{code6}，10分钟内有效，切勿告诉他人。"),
        ("courier", "【快递驿站】您的包裹已放入丰巢柜，取件码{code4}，请及时领取。"),
        ("family", "周末回家吗？"),
        ("family", "别熬夜，注意身体。"),
        ("carrier", "【网上营业厅】您本月话费余额不足10元，为避免停机请及时充值。"),
    ],
}
