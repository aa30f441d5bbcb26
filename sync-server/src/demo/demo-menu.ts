/** The demo venue's menu: prices in minor units (EUR cents), modifier groups by key. */
export interface DemoItem {
  name: string;
  price: number;
  tax: 'food' | 'drinks';
  station: 'kitchen' | 'bar';
  groups?: string[];
  description?: string;
}

export const demoModifierGroups: Record<
  string,
  { name: string; min: number; max: number; options: [string, number][] }
> = {
  doneness: {
    name: 'Cooked',
    min: 1,
    max: 1,
    options: [
      ['Rare', 0],
      ['Medium rare', 0],
      ['Medium', 0],
      ['Well done', 0],
    ],
  },
  burgerExtras: {
    name: 'Extras',
    min: 0,
    max: 4,
    options: [
      ['Cheddar', 150],
      ['Bacon', 200],
      ['Avocado', 250],
      ['Fried egg', 150],
    ],
  },
  side: {
    name: 'Side',
    min: 1,
    max: 1,
    options: [
      ['Fries', 0],
      ['Salad', 0],
      ['Sweet potato fries', 150],
    ],
  },
  milk: {
    name: 'Milk',
    min: 0,
    max: 1,
    options: [
      ['Oat milk', 50],
      ['Soy milk', 50],
      ['Lactose-free', 30],
    ],
  },
  size: {
    name: 'Size',
    min: 1,
    max: 1,
    options: [
      ['Regular', 0],
      ['Large', 80],
    ],
  },
  spirit: {
    name: 'Mixer',
    min: 0,
    max: 2,
    options: [
      ['Tonic', 0],
      ['Soda', 0],
      ['Ginger ale', 50],
    ],
  },
  dressing: {
    name: 'Dressing',
    min: 0,
    max: 1,
    options: [
      ['Vinaigrette', 0],
      ['Caesar', 0],
      ['No dressing', 0],
    ],
  },
};

export const demoMenu: { category: string; items: DemoItem[] }[] = [
  {
    category: 'Starters',
    items: [
      { name: 'Tomato soup', price: 650, tax: 'food', station: 'kitchen' },
      { name: 'Garlic bread', price: 450, tax: 'food', station: 'kitchen' },
      { name: 'Calamari', price: 890, tax: 'food', station: 'kitchen' },
      { name: 'Bruschetta', price: 720, tax: 'food', station: 'kitchen' },
      { name: 'Caesar salad', price: 950, tax: 'food', station: 'kitchen', groups: ['dressing'] },
    ],
  },
  {
    category: 'Mains',
    items: [
      {
        name: 'Steak frites',
        price: 2450,
        tax: 'food',
        station: 'kitchen',
        groups: ['doneness', 'side'],
      },
      {
        name: 'Classic burger',
        price: 1490,
        tax: 'food',
        station: 'kitchen',
        groups: ['doneness', 'burgerExtras', 'side'],
      },
      {
        name: 'Veggie burger',
        price: 1390,
        tax: 'food',
        station: 'kitchen',
        groups: ['burgerExtras', 'side'],
      },
      { name: 'Fish and chips', price: 1650, tax: 'food', station: 'kitchen' },
      { name: 'Mushroom risotto', price: 1550, tax: 'food', station: 'kitchen' },
      { name: 'Chicken curry', price: 1590, tax: 'food', station: 'kitchen' },
      { name: 'Margherita pizza', price: 1190, tax: 'food', station: 'kitchen' },
      { name: 'Salmon fillet', price: 2190, tax: 'food', station: 'kitchen', groups: ['side'] },
    ],
  },
  {
    category: 'Desserts',
    items: [
      { name: 'Chocolate brownie', price: 690, tax: 'food', station: 'kitchen' },
      { name: 'Crème brûlée', price: 750, tax: 'food', station: 'kitchen' },
      { name: 'Cheesecake', price: 720, tax: 'food', station: 'kitchen' },
      { name: 'Ice cream (3 scoops)', price: 590, tax: 'food', station: 'kitchen' },
    ],
  },
  {
    category: 'Hot drinks',
    items: [
      { name: 'Espresso', price: 250, tax: 'drinks', station: 'bar' },
      { name: 'Cappuccino', price: 350, tax: 'drinks', station: 'bar', groups: ['milk', 'size'] },
      { name: 'Flat white', price: 370, tax: 'drinks', station: 'bar', groups: ['milk'] },
      { name: 'Latte', price: 380, tax: 'drinks', station: 'bar', groups: ['milk', 'size'] },
      { name: 'Tea', price: 280, tax: 'drinks', station: 'bar' },
    ],
  },
  {
    category: 'Cold drinks',
    items: [
      { name: 'Sparkling water', price: 300, tax: 'drinks', station: 'bar', groups: ['size'] },
      { name: 'Cola', price: 350, tax: 'drinks', station: 'bar' },
      { name: 'Fresh orange juice', price: 450, tax: 'drinks', station: 'bar', groups: ['size'] },
      { name: 'Lemonade', price: 400, tax: 'drinks', station: 'bar' },
    ],
  },
  {
    category: 'Bar',
    items: [
      { name: 'House lager', price: 550, tax: 'drinks', station: 'bar', groups: ['size'] },
      { name: 'IPA', price: 650, tax: 'drinks', station: 'bar' },
      { name: 'Glass of red', price: 700, tax: 'drinks', station: 'bar' },
      { name: 'Glass of white', price: 700, tax: 'drinks', station: 'bar' },
      { name: 'Gin', price: 850, tax: 'drinks', station: 'bar', groups: ['spirit'] },
    ],
  },
];

export const demoStaff: {
  name: string;
  role: 'owner' | 'manager' | 'waiter' | 'cashier' | 'kitchen';
  pin: string;
}[] = [
  { name: 'Olivia Owner', role: 'owner', pin: '1000' },
  { name: 'Max Manager', role: 'manager', pin: '2000' },
  { name: 'Wendy Waiter', role: 'waiter', pin: '3000' },
  { name: 'Walt Waiter', role: 'waiter', pin: '3100' },
  { name: 'Cass Cashier', role: 'cashier', pin: '4000' },
  { name: 'Kit Kitchen', role: 'kitchen', pin: '5000' },
];
